package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.appmesh.AppMeshClient;

/**
 * AWS misbehaving, against moto: a fault-injecting front answers 20% of App Mesh calls with throttling, a 5xx or a
 * time-out (after carrying the request out); an answer to a create that is lost for good. Every resource still
 * converges, exactly one AWS object exists per resource, and none is left after deletion.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "moto"), @ResourceArg(name = "appmesh.aws-api-attempt-timeout", value = "1s")})
class FaultsIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(120);

    @Test
    void everythingConvergesThroughTwentyPercentFaultsAndIsRemovedCompletely() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        aws.faults(0.2, 7, 1500);
        try {
            List<HasMetadata> objects = manifests.apply(chain("faulty"));
            Mesh mesh = manifests.awaitActive(Mesh.class, null, "faulty", CONVERGED);
            for (String name : List.of("a", "b", "c")) {
                manifests.awaitActive(VirtualNode.class, "faulty", name, CONVERGED);
                manifests.awaitActive(VirtualService.class, "faulty", name, CONVERGED);
            }
            try (AppMeshClient appMesh = aws.appMesh()) {
                assertThat(appMesh.listMeshes().meshes()).filteredOn(m -> m.meshName().equals("faulty")).hasSize(1);
                assertThat(appMesh.listVirtualNodes(r -> r.meshName("faulty")).virtualNodes())
                        .extracting(n -> n.virtualNodeName()).containsExactlyInAnyOrder("a_faulty", "b_faulty", "c_faulty");
                assertThat(appMesh.listVirtualServices(r -> r.meshName("faulty")).virtualServices())
                        .extracting(s -> s.virtualServiceName()).containsExactlyInAnyOrder("a.faulty", "b.faulty", "c.faulty");
            }
            assertThat(aws.calls()).anyMatch(call -> call.startsWith("!"));

            manifests.deleteAndAwait(CONVERGED, objects.stream().filter(VirtualService.class::isInstance)
                    .toArray(HasMetadata[]::new));
            manifests.deleteAndAwait(CONVERGED, objects.stream().filter(VirtualNode.class::isInstance)
                    .toArray(HasMetadata[]::new));
            manifests.deleteAndAwait(CONVERGED, mesh);
        } finally {
            aws.faults(0, 1, 0);
        }
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.listMeshes().meshes()).noneMatch(m -> m.meshName().equals("faulty"));
        }
        long faults = aws.calls().stream().filter(call -> call.startsWith("!")).count();
        assertThat(faults).isGreaterThan(3);
    }

    @Test
    void aCreateWhoseAnswerIsLostCreatesNoDuplicate() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        manifests.apply(chain("lost").split("---\napiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService")[0]);
        manifests.awaitActive(Mesh.class, null, "lost", CONVERGED);
        // The next CreateVirtualNode is carried out, but its answer never comes back: the operator's attempt times out,
        // as it would if it had crashed after sending it. It retries, finds the node and converges on it.
        aws.hold("CreateVirtualNode");
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: late, namespace: lost}
                spec:
                  podSelector: {matchLabels: {app: late}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: late.lost}}
                """);
        VirtualNode late = manifests.awaitActive(VirtualNode.class, "lost", "late", CONVERGED);
        aws.release();
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.listVirtualNodes(r -> r.meshName("lost")).virtualNodes())
                    .filteredOn(n -> n.virtualNodeName().equals("late_lost")).singleElement()
                    .satisfies(n -> assertThat(n.arn()).isEqualTo(late.getStatus().getVirtualNodeARN()));
        }
        await().atMost(CONVERGED).until(() -> aws.calls().stream().filter("CreateVirtualNode"::equals).count() >= 1);
    }

    private static String chain(String ns) {
        StringBuilder yaml = new StringBuilder(Manifests.namespaceAndMesh(ns));
        String[][] links = {{"a", "b"}, {"b", "c"}, {"c", null}};
        for (String[] link : links) {
            yaml.append(
                    """
                            ---
                            apiVersion: appmesh.k8s.aws/v1beta2
                            kind: VirtualNode
                            metadata: {name: %2$s, namespace: %1$s}
                            spec:
                              podSelector: {matchLabels: {app: %2$s}}
                              listeners:
                                - portMapping: {port: 8080, protocol: http}
                                  healthCheck: {protocol: http, path: /ping, healthyThreshold: 2, unhealthyThreshold: 2, timeoutMillis: 2000, intervalMillis: 5000}
                              serviceDiscovery: {dns: {hostname: %2$s.%1$s.svc.cluster.local}}
                            %3$s"""
                            .formatted(ns, link[0], link[1] == null
                                    ? ""
                                    : "  backends: [{virtualService: {virtualServiceRef: {name: " + link[1] + "}}}]\n"));
        }
        for (String[] link : links) {
            yaml.append("""
                    ---
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualService
                    metadata: {name: %2$s, namespace: %1$s}
                    spec:
                      awsName: %2$s.%1$s
                      provider: {virtualNode: {virtualNodeRef: {name: %2$s}}}
                    """.formatted(ns, link[0]));
        }
        return yaml.toString();
    }
}
