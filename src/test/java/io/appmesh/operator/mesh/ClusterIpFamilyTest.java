package io.appmesh.operator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.appmesh.operator.aws.AwsApiMetrics;
import io.appmesh.operator.aws.AwsApiThrottle;
import io.appmesh.operator.aws.AwsClients;
import io.appmesh.operator.aws.EksClusterNetwork;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.testing.OperatorConfigs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The cases that need no EKS answer: a stated family, no cluster name, an unreachable EKS (CrdAdmissionIpv6Test asks moto). */
class ClusterIpFamilyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void statedFamilyWinsWithoutAskingEks(@TempDir Path dir) throws Exception {
        OperatorConfig config = config(dir, "appmesh.cluster-ip-family=IPv6\nappmesh.cluster-name=unreachable\n"
                + "appmesh.aws-endpoint-override=http://127.0.0.1:1\n");

        assertThat(new ClusterIpFamily(config,
                new EksClusterNetwork(new AwsClients(config, "test", new AwsApiMetrics(registry), new AwsApiThrottle(config))))
                .isIpv6()).isTrue();
    }

    @Test
    void noClusterNameMeansUnknownWhichIsIpv4(@TempDir Path dir) throws Exception {
        OperatorConfig config = config(dir, "");

        assertThat(new ClusterIpFamily(config,
                new EksClusterNetwork(new AwsClients(config, "test", new AwsApiMetrics(registry), new AwsApiThrottle(config))))
                .isIpv6()).isFalse();
    }

    @Test
    void unreachableEksIsLoggedAndTreatedAsIpv4(@TempDir Path dir) throws Exception {
        OperatorConfig config = config(dir, "appmesh.cluster-name=prod\nappmesh.aws-endpoint-override=http://127.0.0.1:1\n");
        // Restored afterwards, not cleared: an operator of an earlier @QuarkusTest may still run in this JVM and read them.
        String accessKey = System.setProperty("aws.accessKeyId", "testing");
        String secretKey = System.setProperty("aws.secretAccessKey", "testing");
        try {
            assertThat(new ClusterIpFamily(config,
                    new EksClusterNetwork(
                            new AwsClients(config, "test", new AwsApiMetrics(registry), new AwsApiThrottle(config))))
                    .isIpv6())
                    .isFalse();
            // Upstream's AWS metrics: one failed call, its four attempts (three retries), no AWS error code.
            assertThat(registry.get("aws_api_calls").tags("service", "EKS", "operation", "DescribeCluster", "status_code", "0",
                    "error_code", "internal").counter().count()).isEqualTo(1);
            assertThat(registry.get("aws_api_requests").tags("status_code", "0", "error_code", "internal").counter().count())
                    .isEqualTo(4);
            assertThat(registry.get("aws_api_call_retries").summary().max()).isEqualTo(3);
        } finally {
            restore("aws.accessKeyId", accessKey);
            restore("aws.secretAccessKey", secretKey);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static OperatorConfig config(Path dir, String properties) throws Exception {
        Path file = dir.resolve("config.properties");
        Files.writeString(file, properties);
        return OperatorConfigs.fromFile(file);
    }
}
