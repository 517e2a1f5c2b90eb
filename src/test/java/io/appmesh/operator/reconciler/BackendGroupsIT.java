package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeCondition;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.appmesh.AppMeshClient;

/**
 * BackendGroup expansion ({@code appmesh.enable-backend-groups=true}), against moto: a node's groups become plain
 * backends after its explicit ones; a group's new member, and a new service in a namespace a node takes with
 * {@code "*"}, update the node; a missing group is a condition that clears once the group exists.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "moto"), @ResourceArg(name = "appmesh.enable-backend-groups", value = "true")})
class BackendGroupsIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);

    @Test
    void groupsExpandIntoBackendsAndFollowTheirMembers() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        manifests.apply(Manifests.namespaceAndMesh("groups") + service("one") + service("two") + """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: BackendGroup
                metadata: {name: front, namespace: groups}
                spec:
                  virtualservices: [{name: one}]
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: client, namespace: groups}
                spec:
                  podSelector: {matchLabels: {app: client}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: client.groups}}
                  backends: [{virtualService: {virtualServiceRef: {name: two}}}]
                  backendGroups: [{name: front}]
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: wild, namespace: groups}
                spec:
                  podSelector: {matchLabels: {app: wild}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: wild.groups}}
                  backendGroups: [{name: "*"}]
                """);
        manifests.awaitActive(Mesh.class, null, "groups", CONVERGED);
        manifests.awaitActive(VirtualNode.class, "groups", "client", CONVERGED);
        manifests.awaitActive(VirtualNode.class, "groups", "wild", CONVERGED);
        try (AppMeshClient appMesh = aws.appMesh()) {
            // Explicit backends first, then the group's services that are not already there.
            assertThat(backends(appMesh, "client_groups")).containsExactly("two.groups", "one.groups");
            assertThat(backends(appMesh, "wild_groups")).containsExactlyInAnyOrder("one.groups", "two.groups");

            // A new member of the group, a new service in the "*" namespace.
            BackendGroup front = manifests.get(BackendGroup.class, "groups", "front");
            VirtualServiceReference three = new VirtualServiceReference();
            three.setName("three");
            front.getSpec().getVirtualservices().add(three);
            manifests.apply(service("three"));
            client.resource(front).update();
            await().atMost(CONVERGED).untilAsserted(() -> {
                assertThat(backends(appMesh, "client_groups")).containsExactly("two.groups", "one.groups",
                        "three.groups");
                assertThat(backends(appMesh, "wild_groups")).containsExactlyInAnyOrder("one.groups", "two.groups",
                        "three.groups");
            });
        }

        // A group that does not exist: a readable condition; creating it converges the node.
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: early, namespace: groups}
                spec:
                  podSelector: {matchLabels: {app: early}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: early.groups}}
                  backendGroups: [{name: later}]
                """);
        VirtualNodeCondition waiting = await().atMost(CONVERGED).until(() -> condition(manifests), c -> c != null);
        assertThat(waiting.getStatus()).isEqualTo("False");
        assertThat(waiting.getReason()).isEqualTo("BackendGroupNotFound");
        assertThat(waiting.getMessage()).isEqualTo("failed to resolve backendGroupRef: unable to fetch backendGroup: "
                + "groups/later");
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: BackendGroup
                metadata: {name: later, namespace: groups}
                spec:
                  virtualservices: [{name: two}]
                """);
        manifests.awaitActive(VirtualNode.class, "groups", "early", CONVERGED);
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(backends(appMesh, "early_groups")).containsExactly("two.groups");
        }
    }

    private static VirtualNodeCondition condition(Manifests manifests) {
        VirtualNode node = manifests.get(VirtualNode.class, "groups", "early");
        if (node == null || node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals("VirtualNodeActive"))
                .findFirst().orElse(null);
    }

    private static String service(String name) {
        return """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: %1$s, namespace: groups}
                spec:
                  awsName: %1$s.groups
                """.formatted(name);
    }

    private static List<String> backends(AppMeshClient appMesh, String node) {
        return appMesh.describeVirtualNode(r -> r.meshName("groups").virtualNodeName(node)).virtualNode().spec()
                .backends().stream().map(b -> b.virtualService().virtualServiceName()).toList();
    }
}
