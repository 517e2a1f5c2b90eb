package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
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
import software.amazon.awssdk.services.appmesh.model.NotFoundException;
import software.amazon.awssdk.services.appmesh.model.VirtualNodeData;

/**
 * The sample users start with — service-a → service-b → service-c, each a VirtualNode (DNS discovery, HTTP listener
 * with a health check, a backend) and a VirtualService provided by it, in a Mesh selected by namespace label — applied
 * through the operator's webhooks and reconciled into App Mesh: meshes, nodes, routers and routes in moto (whose parser
 * must accept every spec the operator sends), services in the App Mesh emulator. The resync period is two seconds here,
 * so "a no-op resync issues no write" is observed on real resyncs.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "moto"), @ResourceArg(name = "appmesh.sync-period", value = "2s")})
class ServiceChainIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);

    @Test
    void threeServiceChainConvergesResyncsWithoutWritesAndIsRemovedCompletely() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        manifests.applyFile("docs/examples/00-namespace.yaml");
        manifests.applyFile("docs/examples/01-mesh.yaml");
        List<HasMetadata> chain = manifests.applyFile("docs/examples/02-service-chain.yaml");

        Mesh mesh = manifests.awaitActive(Mesh.class, null, "demo", CONVERGED);
        assertThat(mesh.getStatus().getMeshARN()).isEqualTo("arn:aws:appmesh:us-west-2:123456789012:mesh/demo");
        assertThat(mesh.getStatus().getObservedGeneration()).isEqualTo(mesh.getMetadata().getGeneration());
        for (String service : List.of("service-a", "service-b", "service-c")) {
            VirtualNode node = manifests.awaitActive(VirtualNode.class, "appmesh-demo", service, CONVERGED);
            VirtualService vs = manifests.awaitActive(VirtualService.class, "appmesh-demo", service, CONVERGED);
            assertThat(node.getStatus().getVirtualNodeARN()).isEqualTo(
                    "arn:aws:appmesh:us-west-2:123456789012:mesh/demo/virtualNode/" + service + "_appmesh-demo");
            assertThat(vs.getStatus().getVirtualServiceARN()).endsWith(
                    "mesh/demo/virtualService/" + service + ".appmesh-demo.svc.cluster.local");
        }
        // The xDS channel's ConfigMap is the xDS backend's: with AWS, none, though the nodes exist (the xDS backend
        // writes it within an informer event of the first node; XdsConfigMapsIT).
        assertThat(client.configMaps().inAnyNamespace().withLabel("appmesh.k8s.aws/xds-bootstrap").list().getItems())
                .isEmpty();
        assertThat(client.configMaps().inNamespace("appmesh-demo").withName("appmesh-xds").get()).isNull();

        try (AppMeshClient appMesh = aws.appMesh()) {
            VirtualNodeData a = appMesh.describeVirtualNode(r -> r.meshName("demo").virtualNodeName(
                    "service-a_appmesh-demo")).virtualNode();
            assertThat(a.spec().listeners()).singleElement().satisfies(listener -> {
                assertThat(listener.portMapping().port()).isEqualTo(8080);
                assertThat(listener.portMapping().protocolAsString()).isEqualTo("http");
                assertThat(listener.healthCheck().path()).isEqualTo("/ping");
                assertThat(listener.healthCheck().healthyThreshold()).isEqualTo(2);
            });
            assertThat(a.spec().serviceDiscovery().dns().hostname())
                    .isEqualTo("service-a.appmesh-demo.svc.cluster.local");
            assertThat(a.spec().backends()).singleElement().satisfies(backend -> assertThat(
                    backend.virtualService().virtualServiceName()).isEqualTo("service-b.appmesh-demo.svc.cluster.local"));
            assertThat(appMesh.describeVirtualService(r -> r.meshName("demo")
                    .virtualServiceName("service-c.appmesh-demo.svc.cluster.local")).virtualService().spec()
                    .provider().virtualNode().virtualNodeName()).isEqualTo("service-c_appmesh-demo");
            assertThat(appMesh.listVirtualNodes(r -> r.meshName("demo")).virtualNodes()).hasSize(3);
        }

        // No-op resyncs: every object is described again (twice), nothing is written.
        int mark = aws.calls().size();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> since = aws.callsSince(mark);
            return since.stream().filter("DescribeVirtualNode"::equals).count() >= 6
                    && since.stream().filter("DescribeVirtualService"::equals).count() >= 6
                    && since.stream().filter("DescribeMesh"::equals).count() >= 2;
        });
        assertThat(Aws.writes(aws.callsSince(mark))).isEmpty();

        // Deleting everything removes every AWS object. Services first: App Mesh refuses to delete a node that still
        // provides a service.
        manifests.deleteAndAwait(CONVERGED, chain.stream().filter(VirtualService.class::isInstance)
                .toArray(HasMetadata[]::new));
        manifests.deleteAndAwait(CONVERGED, chain.stream().filter(VirtualNode.class::isInstance)
                .toArray(HasMetadata[]::new));
        manifests.deleteAndAwait(CONVERGED, mesh);
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.listMeshes().meshes()).noneMatch(m -> m.meshName().equals("demo"));
            for (String service : List.of("service-a", "service-b", "service-c")) {
                assertThat(notFound(() -> appMesh.describeVirtualService(r -> r.meshName("demo")
                        .virtualServiceName(service + ".appmesh-demo.svc.cluster.local")))).isTrue();
            }
        }
        assertThat(aws.calls()).contains("DeleteMesh", "DeleteVirtualNode", "DeleteVirtualService");
    }

    @Test
    void canaryWeightChangeIssuesExactlyOneUpdateRoute() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        manifests.apply(Manifests.namespaceAndMesh("canary"));
        for (String version : List.of("v1", "v2")) {
            manifests.apply("""
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualNode
                    metadata: {name: app-%s, namespace: canary}
                    spec:
                      podSelector: {matchLabels: {app: app, version: %s}}
                      listeners: [{portMapping: {port: 9080, protocol: http}}]
                      serviceDiscovery: {dns: {hostname: app-%s.canary.svc.cluster.local}}
                    """.formatted(version, version, version));
        }
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualRouter
                metadata: {name: app, namespace: canary}
                spec:
                  listeners: [{portMapping: {port: 9080, protocol: http}}]
                  routes:
                    - name: app-route
                      httpRoute:
                        match: {prefix: /}
                        action:
                          weightedTargets:
                            - {virtualNodeRef: {name: app-v1}, weight: 90}
                            - {virtualNodeRef: {name: app-v2}, weight: 10}
                """);
        VirtualRouter router = manifests.awaitActive(VirtualRouter.class, "canary", "app", CONVERGED);
        assertThat(router.getStatus().getRouteARNs()).containsOnlyKeys("app-route");
        assertThat(router.getStatus().getRouteARNs().get("app-route"))
                .isEqualTo("arn:aws:appmesh:us-west-2:123456789012:mesh/canary/virtualRouter/app_canary/route/app-route");

        int mark = aws.calls().size();
        client.resources(VirtualRouter.class).inNamespace("canary").withName("app").edit(r -> {
            var targets = r.getSpec().getRoutes().get(0).getHttpRoute().getAction().getWeightedTargets();
            targets.get(0).setWeight(50L);
            targets.get(1).setWeight(50L);
            return r;
        });
        try (AppMeshClient appMesh = aws.appMesh()) {
            await().atMost(CONVERGED).until(() -> appMesh.describeRoute(r -> r.meshName("canary")
                    .virtualRouterName("app_canary").routeName("app-route")).route().spec().httpRoute().action()
                    .weightedTargets().stream().allMatch(t -> t.weight() == 50));
            await().atMost(CONVERGED).until(() -> {
                VirtualRouter current = manifests.get(VirtualRouter.class, "canary", "app");
                return current.getStatus().getObservedGeneration().equals(current.getMetadata().getGeneration());
            });
            assertThat(Aws.writes(aws.callsSince(mark))).containsExactly("UpdateRoute");
            assertThat(appMesh.describeRoute(r -> r.meshName("canary").virtualRouterName("app_canary")
                    .routeName("app-route")).route().spec().httpRoute().action().weightedTargets())
                    .extracting(t -> Map.entry(t.virtualNode(), t.weight()))
                    .containsExactly(Map.entry("app-v1_canary", 50), Map.entry("app-v2_canary", 50));
        }
    }

    private static boolean notFound(Runnable call) {
        try {
            call.run();
            return false;
        } catch (NotFoundException e) {
            return true;
        }
    }
}
