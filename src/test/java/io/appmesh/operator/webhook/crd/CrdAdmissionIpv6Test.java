package io.appmesh.operator.webhook.crd;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.testing.MotoServer;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The Mesh ipPreference defaults of an IPv6 cluster (always IPv6_ONLY, added when absent), the IP family read as
 * upstream reads it: EKS DescribeCluster of {@code appmesh.cluster-name}, here against moto.
 */
@QuarkusTest
@WithLocalKubeApi
@TestProfile(CrdAdmissionIpv6Test.Ipv6Cluster.class)
class CrdAdmissionIpv6Test extends GoldenAdmissionTest {

    public static class Ipv6Cluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("appmesh.cluster-name", "appmesh-ipv6");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoServer.class, Map.of("eksCluster", "appmesh-ipv6:ipv6")));
        }
    }

    @Override
    Path cases() {
        return Path.of("src/test/resources/CrdAdmissionIpv6Test");
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void eksCallIsCountedUnderUpstreamsMetricNames() {
        // The golden cases already made the operator ask EKS once; the metrics record it.
        String metrics = given().baseUri("http://" + management.getHost()).port(management.getPort()).when()
                .get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines()
                .filter(l -> l.startsWith("aws_api_calls_total{") && l.contains("operation=\"DescribeCluster\"")
                        && l.contains("service=\"EKS\"") && l.contains("status_code=\"200\"") && l.contains("error_code=\"\"")))
                .isNotEmpty();
        assertThat(metrics).contains("aws_api_call_duration_seconds_count{operation=\"DescribeCluster\",service=\"EKS\"}")
                .contains("aws_api_call_retries_bucket{operation=\"DescribeCluster\",service=\"EKS\",le=\"0.5\"}");
    }
}
