package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeCondition;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.appmesh.model.Backend;

/**
 * Updates of objects App Mesh already holds, on the emulator (which keeps App Mesh's client-token idempotency: a used
 * token with another body is a ConflictException): the desired spec may change several times within one generation,
 * an object changed in AWS by hand is repaired at every resync, and a refused update leaves the object Active — and
 * its dependents working — with an {@code UpdateRejected} condition saying why.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "emulator"), @ResourceArg(name = "appmesh.enable-backend-groups", value = "true"),
        @ResourceArg(name = "appmesh.sync-period", value = "2s")})
class UpdatesIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);

    private static String service(String name) {
        return """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: %s, namespace: updates}
                spec:
                  awsName: %s.updates
                  provider: {virtualNode: {virtualNodeRef: {name: server}}}
                """.formatted(name, name);
    }

    private static List<String> backends(AppMeshClient appMesh, String node) {
        return appMesh.describeVirtualNode(r -> r.meshName("updates").virtualNodeName(node)).virtualNode().spec()
                .backends().stream().map(b -> b.virtualService().virtualServiceName()).toList();
    }

    private static boolean ready;

    /** The mesh and its nodes, once for both tests (they share the application and the AWS side). */
    private void setUp(Manifests manifests) {
        if (ready) {
            return;
        }
        ready = true;
        manifests.apply(Manifests.namespaceAndMesh("updates") + """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: server, namespace: updates}
                spec:
                  podSelector: {matchLabels: {app: server}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: server.updates}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: wild, namespace: updates}
                spec:
                  podSelector: {matchLabels: {app: wild}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: wild.updates}}
                  backendGroups: [{name: "*"}]
                """ + service("one"));
        manifests.awaitActive(Mesh.class, null, "updates", CONVERGED);
        manifests.awaitActive(VirtualNode.class, "updates", "wild", CONVERGED);
    }

    @Test
    void specChangesWithinAGenerationAndChangesMadeInAwsAreAllApplied() {
        Manifests manifests = manifests();
        Aws aws = aws();
        setUp(manifests);
        try (AppMeshClient appMesh = aws.appMesh()) {
            await().atMost(CONVERGED).until(() -> backends(appMesh, "wild_updates").contains("one.updates"));
            // Two more services under the "*" group: the node's generation stays, its desired spec changes twice.
            manifests.apply(service("two"));
            await().atMost(CONVERGED).until(() -> backends(appMesh, "wild_updates").contains("two.updates"));
            manifests.apply(service("three"));
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(backends(appMesh, "wild_updates"))
                    .contains("one.updates", "two.updates", "three.updates"));
            assertThat(References.isActive(manifests.get(VirtualNode.class, "updates", "wild"))).isTrue();

            // Someone edits the node in AWS, twice: each time the next resync puts the spec back.
            for (int round = 0; round < 2; round++) {
                var described = appMesh.describeVirtualNode(r -> r.meshName("updates").virtualNodeName("wild_updates"))
                        .virtualNode().spec();
                appMesh.updateVirtualNode(r -> r.meshName("updates").virtualNodeName("wild_updates")
                        .spec(described.toBuilder().backends(List.<Backend>of()).build()));
                await().atMost(CONVERGED).untilAsserted(() -> assertThat(backends(appMesh, "wild_updates"))
                        .contains("one.updates", "two.updates", "three.updates"));
            }
        }
    }

    @Test
    void aRefusedUpdateKeepsTheObjectAndItsDependentsActive() {
        Manifests manifests = manifests();
        Aws aws = aws();
        setUp(manifests);
        manifests.awaitActive(VirtualService.class, "updates", "one", CONVERGED);

        aws.reject("UpdateVirtualNode", "BadRequestException");
        VirtualNode server = manifests.get(VirtualNode.class, "updates", "server");
        server.getSpec().getListeners().get(0).getPortMapping().setPort(9090L);
        client.resource(server).update();
        VirtualNodeCondition rejected = await().atMost(CONVERGED).until(() -> condition(manifests, "UpdateRejected"),
                c -> c != null);
        assertThat(rejected.getStatus()).isEqualTo("True");
        assertThat(rejected.getReason()).isEqualTo("BadRequestException");
        assertThat(rejected.getMessage()).contains("rejected by the test: UpdateVirtualNode");
        assertThat(condition(manifests, "VirtualNodeActive").getStatus()).isEqualTo("True");
        // Its dependents go on: the existing service stays Active, a new one it provides becomes Active.
        manifests.apply(service("four"));
        manifests.awaitActive(VirtualService.class, "updates", "four", CONVERGED);
        assertThat(References.isActive(manifests.get(VirtualService.class, "updates", "one"))).isTrue();

        aws.accept("UpdateVirtualNode");
        await().atMost(CONVERGED).until(() -> condition(manifests, "UpdateRejected") == null);
        assertThat(condition(manifests, "VirtualNodeActive").getStatus()).isEqualTo("True");
    }

    private static VirtualNodeCondition condition(Manifests manifests, String type) {
        VirtualNode node = manifests.get(VirtualNode.class, "updates", "server");
        if (node == null || node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .orElse(null);
    }
}
