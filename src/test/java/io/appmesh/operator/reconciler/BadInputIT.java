package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.fabric8.kubernetes.api.model.Event;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.appmesh.AppMeshClient;

/**
 * Bad input against the App Mesh emulator (all seven kinds, AWS's errors): each shows as a False {@code <Kind>Active}
 * condition with a readable reason and message plus a {@code ReconcileError} Warning event, nothing crashes, and fixing
 * the input converges. Also: a gateway with its route, a mesh shared by another account (never updated or deleted), and
 * App Mesh's refusal to delete a node that still provides a service.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "emulator")})
class BadInputIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);

    @Test
    void danglingReferencesShowAsConditionsAndEventsThenConvergeOnceFixed() throws Exception {
        Manifests manifests = manifests();
        manifests.apply(Manifests.namespaceAndMesh("bad"));
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: front, namespace: bad}
                spec:
                  provider: {virtualNode: {virtualNodeRef: {name: front}}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualRouter
                metadata: {name: router, namespace: bad}
                spec:
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  routes:
                    - name: to-ghost
                      httpRoute:
                        match: {prefix: /}
                        action: {weightedTargets: [{virtualNodeRef: {name: ghost}, weight: 1}]}
                """);
        awaitCondition(VirtualService.class, "front", "VirtualNodeNotFound",
                "failed to resolve virtualNodeRef: unable to fetch virtualNode: bad/front: not found");
        awaitCondition(VirtualRouter.class, "router", "VirtualNodeNotFound",
                "failed to resolve virtualNodeRef: unable to fetch virtualNode: bad/ghost: not found");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(warnings("bad", "router")).contains(
                "failed to resolve virtualNodeRef: unable to fetch virtualNode: bad/ghost: not found"));

        // Fixing the input: the missing nodes appear; the waiting objects are re-triggered when they become Active.
        for (String node : List.of("front", "ghost")) {
            manifests.apply(node("bad", node));
        }
        manifests.awaitActive(VirtualService.class, "bad", "front", CONVERGED);
        VirtualRouter router = manifests.awaitActive(VirtualRouter.class, "bad", "router", CONVERGED);
        assertThat(condition(router.getStatus().getConditions()).getReason()).isNull();
        assertThat(router.getStatus().getRouteARNs()).containsKey("to-ghost");
    }

    @Test
    void sharedMeshThatDoesNotExistYetConvergesOnceShared() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        int mark = aws.calls().size();
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: shared}
                spec:
                  meshOwner: "210987654321"
                  namespaceSelector: {matchLabels: {mesh: shared}}
                """);
        awaitCondition(Mesh.class, "shared", "MeshNotFound",
                "mesh shared of account 210987654321 does not exist or is not shared with account 123456789012");

        aws.shareMesh("shared", "210987654321");
        Mesh mesh = manifests.awaitActive(Mesh.class, null, "shared", CONVERGED);
        assertThat(mesh.getStatus().getMeshARN()).isEqualTo("arn:aws:appmesh:us-west-2:210987654321:mesh/shared");

        // The owner's mesh is never written, not even on deletion.
        manifests.deleteAndAwait(CONVERGED, mesh);
        assertThat(aws.callsSince(mark)).noneMatch(call -> call.equals("UpdateMesh") || call.equals("DeleteMesh")
                || call.equals("CreateMesh"));
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.describeMesh(r -> r.meshName("shared").meshOwner("210987654321")).mesh().status()
                    .statusAsString()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void gatewayRouteAndInUseNode() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        manifests.apply(Manifests.namespaceAndMesh("edge"));
        manifests.apply(node("edge", "backend"));
        manifests
                .apply("""
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: VirtualService
                        metadata: {name: backend, namespace: edge}
                        spec:
                          awsName: backend.edge.svc.cluster.local
                          provider: {virtualNode: {virtualNodeRef: {name: backend}}}
                        ---
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: VirtualGateway
                        metadata: {name: ingress, namespace: edge}
                        spec:
                          namespaceSelector: {matchLabels: {mesh: edge}}
                          podSelector: {matchLabels: {app: ingress}}
                          listeners:
                            - portMapping: {port: 8088, protocol: http}
                              healthCheck: {protocol: http, path: /ready, healthyThreshold: 2, unhealthyThreshold: 2, timeoutMillis: 2000, intervalMillis: 5000}
                        ---
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: GatewayRoute
                        metadata: {name: to-backend, namespace: edge}
                        spec:
                          httpRoute:
                            match: {prefix: /backend}
                            action: {target: {virtualService: {virtualServiceRef: {name: backend}}}}
                        """);
        GatewayRoute route = manifests.awaitActive(GatewayRoute.class, "edge", "to-backend", CONVERGED);
        assertThat(route.getStatus().getGatewayRouteARN()).isEqualTo(
                "arn:aws:appmesh:us-west-2:123456789012:mesh/edge/virtualGateway/ingress_edge/gatewayRoute/to-backend_edge");
        VirtualGateway gateway = manifests.awaitActive(VirtualGateway.class, "edge", "ingress", CONVERGED);
        assertThat(gateway.getStatus().getObservedGeneration()).isNull();
        try (AppMeshClient appMesh = aws.appMesh()) {
            var spec = appMesh.describeGatewayRoute(r -> r.meshName("edge").virtualGatewayName("ingress_edge")
                    .gatewayRouteName("to-backend_edge")).gatewayRoute().spec();
            assertThat(spec.httpRoute().action().target().virtualService().virtualServiceName())
                    .isEqualTo("backend.edge.svc.cluster.local");
            assertThat(spec.httpRoute().match().prefix()).isEqualTo("/backend");
        }

        // App Mesh refuses to delete a node that provides a service: the finalizer stays until the service is gone.
        VirtualNode node = manifests.get(VirtualNode.class, "edge", "backend");
        client.resource(node).delete();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> manifests.get(VirtualNode.class, "edge", "backend") != null);
        assertThat(aws.calls()).contains("DeleteVirtualNode");
        manifests.deleteAndAwait(CONVERGED, route);
        manifests.deleteAndAwait(CONVERGED, gateway, manifests.get(VirtualService.class, "edge", "backend"));
        await().atMost(CONVERGED).until(() -> manifests.get(VirtualNode.class, "edge", "backend") == null);
        manifests.deleteAndAwait(CONVERGED, manifests.get(Mesh.class, null, "edge"));
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.listMeshes().meshes()).noneMatch(m -> m.meshName().equals("edge"));
        }
    }

    private static String node(String namespace, String name) {
        return """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  podSelector: {matchLabels: {app: %2$s}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: %2$s.%1$s.svc.cluster.local}}
                """.formatted(namespace, name);
    }

    private <T extends io.fabric8.kubernetes.client.CustomResource<?, ?>> void awaitCondition(Class<T> type,
            String name, String reason, String message) {
        String namespace = type == Mesh.class ? null : "bad";
        await().atMost(CONVERGED).untilAsserted(() -> {
            T object = manifests().get(type, namespace, name);
            Object status = object.getStatus();
            assertThat(status).isNotNull();
            @SuppressWarnings("unchecked")
            List<? extends AppMeshCondition> conditions = (List<? extends AppMeshCondition>) status.getClass()
                    .getMethod("getConditions").invoke(status);
            AppMeshCondition condition = condition(conditions);
            assertThat(condition.getStatus()).isEqualTo("False");
            assertThat(condition.getReason()).isEqualTo(reason);
            assertThat(condition.getMessage()).isEqualTo(message);
        });
    }

    private static AppMeshCondition condition(List<? extends AppMeshCondition> conditions) {
        assertThat(conditions).hasSize(1);
        return conditions.get(0);
    }

    private List<String> warnings(String namespace, String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType())
                        && "ReconcileError".equals(e.getReason()))
                .map(Event::getMessage).toList();
    }
}
