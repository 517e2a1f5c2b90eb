package io.appmesh.operator.webhook.crd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.appmesh.operator.testing.MotoServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The Mesh ipPreference defaults of an IPv6 cluster (always IPv6_ONLY, added when absent), the IP family read as
 * upstream reads it: EKS DescribeCluster of {@code appmesh.cluster-name}, here against moto.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
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
}
