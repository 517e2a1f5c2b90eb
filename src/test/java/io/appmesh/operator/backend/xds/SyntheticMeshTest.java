package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Message;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.bench.SyntheticMesh;
import io.appmesh.operator.mesh.model.NodeModels;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;

/**
 * The meshes {@code make bench-xds} times translate into configurations Envoy accepts and of the intended shape, so
 * that the benchmark measures real work (timings themselves are never asserted).
 */
class SyntheticMeshTest {

    private static final PgvChecker CHECKER = new PgvChecker(EnvoyTypes.REGISTRY);

    @Test
    void everyNodeGetsAValidConfigurationWithItsBackends() throws Exception {
        SyntheticMesh mesh = SyntheticMesh.of(12);
        NodeModels models = new NodeModels(mesh, mesh::endpoints);
        assertThat(mesh.routers).isEqualTo(3);
        List<String> failures = new ArrayList<>();
        for (VirtualNode node : mesh.nodes) {
            EnvoyResources resources = XdsTranslator.translate(models.build(node, mesh.mesh));
            String name = node.getMetadata().getName();
            ReferenceChecker.violations(resources).forEach(v -> failures.add(name + ": " + v));
            for (Message resource : XdsTranslatorTest.all(resources)) {
                CHECKER.violations(resource).forEach(v -> failures.add(name + ": " + v));
            }
        }
        assertThat(failures).isEmpty();

        // node-3 calls svc-4..svc-8; svc-4 and svc-8 are routed (two routes each, to their node and the next one).
        EnvoyResources node3 = XdsTranslator.translate(models.build(mesh.nodes.get(3), mesh.mesh));
        RouteConfiguration egress = node3.routes().stream().filter(r -> r.getName().equals("rds_egress_http_8080"))
                .findFirst().orElseThrow();
        assertThat(egress.getVirtualHostsList()).extracting(VirtualHost::getName).containsExactly(
                "svc-4.bench.svc.cluster.local", "svc-5.bench.svc.cluster.local", "svc-6.bench.svc.cluster.local",
                "svc-7.bench.svc.cluster.local", "svc-8.bench.svc.cluster.local");
        VirtualHost routed = egress.getVirtualHosts(0);
        assertThat(routed.getRoutesList()).extracting(r -> r.getName()).containsExactly("canary", "default");
        assertThat(routed.getRoutes(0).getMatch().getHeaders(0).getName()).isEqualTo("x-canary");
        assertThat(routed.getRoutes(0).getRoute().getRetryPolicy().getNumRetries().getValue()).isEqualTo(3);
        // Targets node-4..node-9 (svc-8's router adds node-9): an EDS cluster and 2 pod endpoints each.
        assertThat(node3.endpoints()).hasSize(6)
                .allSatisfy(cla -> assertThat(cla.getEndpoints(0).getLbEndpointsCount()).isEqualTo(SyntheticMesh.PODS));
    }
}
