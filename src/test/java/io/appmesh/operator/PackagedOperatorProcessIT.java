package io.appmesh.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.sandbox.AdmissionEmulator;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.YamlDocuments;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;

/**
 * The artefact users deploy, end to end: the packaged operator — the JVM jar, or with
 * {@code -Dappmesh.operator.binary=<runner>} ({@code make test-native}) the native executable — as a child process
 * on an in-process API server, its AWS endpoint the front (moto for meshes, nodes, routers and routes; the App Mesh
 * emulator for services, gateways and gateway routes; Cloud Map and STS in moto). Health and metrics, CRD admission, pod
 * injection, every kind reconciled to Active, Cloud Map registration. What breaks only natively (reflection, resources, TLS, JSON) shows up here.
 */
class PackagedOperatorProcessIT {

    private static final Duration CONVERGED = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static MotoProcess moto;
    static AwsFront front;
    static LocalKubeApi api;
    static LocalOperator operator;
    static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        start(null, Path.of("target/packaged-operator.log"));
    }

    /** The AWS side, the API server, and the operator: the packaged one, or the container {@code image} when given. */
    static void start(LocalOperator.Image image, Path log) throws Exception {
        moto = MotoProcess.start();
        front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
        api = LocalKubeApi.start();
        client = api.client();
        List<String> options = new ArrayList<>(front.operatorOptions());
        options.add("-Xmx256m");
        operator = image == null
                ? LocalOperator.start(api, options, Map.of(), log)
                : LocalOperator.start(api, image, options, Map.of(), log);
        new Manifests(client, operator.webhooks()).apply("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: edge, labels: {mesh: demo, appmesh.k8s.aws/sidecarInjectorWebhook: enabled}}
                """);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[]{operator, client, api, front, moto}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
        // A subclass (ContainerImageProcessIT) starts its own in these fields.
        operator = null;
        client = null;
        api = null;
        front = null;
        moto = null;
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
            HttpResponse<String> response = get(operator.management().resolve(probe));
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"");
        }
        HttpResponse<String> metrics = get(operator.management().resolve("/q/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE operator_sdk_reconciliations_queue_size_virtualnode gauge")
                .contains("# TYPE process_uptime_seconds gauge");
    }

    @Test
    void crdAdmissionDefaultsAndDenies() throws Exception {
        AdmissionEmulator admission = new AdmissionEmulator(operator.webhooks());
        new Manifests(client, operator.webhooks()).apply("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: lonely}
                """);
        AdmissionEmulator.Verdict denied = admission.admit(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: stray, namespace: lonely}
                spec: {podSelector: {matchLabels: {app: stray}}}
                """).get(0));
        assertThat(denied.denial()).startsWith("failed to find matching mesh for namespace: lonely");

        // Defaulted: the mesh by namespace label, the AWS name; the mesh itself admitted first.
        new Manifests(client, operator.webhooks()).apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: admitted}
                spec: {namespaceSelector: {matchLabels: {mesh: admitted}}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: admitted, labels: {mesh: admitted}}
                """);
        // The webhook reads the mesh and the namespace from its informer caches, which see them a moment after the
        // API server has them (as upstream's); a loaded machine stretches that moment.
        JsonNode node = YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: node, namespace: admitted}
                spec: {podSelector: {matchLabels: {app: node}}}
                """).get(0);
        AdmissionEmulator.Verdict defaulted = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admission.admit(node), verdict -> verdict.denial() == null);
        assertThat(defaulted.object().at("/spec/awsName").asText()).isEqualTo("node_admitted");
        assertThat(defaulted.object().at("/spec/meshRef/name").asText()).isEqualTo("admitted");
        assertThat(defaulted.object().at("/spec/meshRef/uid").asText()).isNotEmpty();
    }

    @Test
    void theSampleMeshReconcilesAndItsPodsGetTheSidecar() throws Exception {
        Manifests manifests = new Manifests(client, operator.webhooks());
        for (String file : List.of("00-namespace.yaml", "01-mesh.yaml", "02-service-chain.yaml")) {
            manifests.applyFile("docs/examples/" + file);
        }
        List<HasMetadata> edge = manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualRouter
                metadata: {name: router, namespace: appmesh-demo}
                spec:
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  routes:
                    - name: split
                      httpRoute:
                        match: {prefix: /}
                        action:
                          weightedTargets:
                            - {virtualNodeRef: {name: service-b}, weight: 90}
                            - {virtualNodeRef: {name: service-c}, weight: 10}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: routed, namespace: appmesh-demo}
                spec:
                  awsName: routed.appmesh-demo.svc.cluster.local
                  provider: {virtualRouter: {virtualRouterRef: {name: router}}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualGateway
                metadata: {name: ingress, namespace: edge}
                spec:
                  namespaceSelector: {matchLabels: {gateway: ingress}}
                  podSelector: {matchLabels: {app: ingress}}
                  listeners: [{portMapping: {port: 8088, protocol: http}}]
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: routes, labels: {mesh: demo, gateway: ingress}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: GatewayRoute
                metadata: {name: to-routed, namespace: routes}
                spec:
                  httpRoute:
                    match: {prefix: /}
                    action: {target: {virtualService: {virtualServiceRef: {name: routed, namespace: appmesh-demo}}}}
                """);
        assertThat(edge).hasSize(5);

        manifests.awaitActive(Mesh.class, null, "demo", CONVERGED);
        for (String name : List.of("service-a", "service-b", "service-c")) {
            manifests.awaitActive(VirtualNode.class, "appmesh-demo", name, CONVERGED);
            manifests.awaitActive(VirtualService.class, "appmesh-demo", name, CONVERGED);
        }
        VirtualRouter router = manifests.awaitActive(VirtualRouter.class, "appmesh-demo", "router", CONVERGED);
        assertThat(router.getStatus().getRouteARNs()).containsOnlyKeys("split");
        manifests.awaitActive(VirtualService.class, "appmesh-demo", "routed", CONVERGED);
        manifests.awaitActive(VirtualGateway.class, "edge", "ingress", CONVERGED);
        manifests.awaitActive(GatewayRoute.class, "routes", "to-routed", CONVERGED);

        Aws aws = new Aws(front.endpoint());
        try (AppMeshClient appMesh = aws.appMesh()) {
            assertThat(appMesh.listVirtualNodes(r -> r.meshName("demo")).virtualNodes()).hasSize(3);
            assertThat(appMesh.listRoutes(r -> r.meshName("demo").virtualRouterName("router_appmesh-demo")).routes())
                    .extracting(r -> r.routeName()).containsExactly("split");
            assertThat(appMesh.listVirtualServices(r -> r.meshName("demo")).virtualServices()).hasSize(4);
            assertThat(appMesh.listGatewayRoutes(r -> r.meshName("demo").virtualGatewayName("ingress_edge"))
                    .gatewayRoutes()).hasSize(1);
        }
        assertThat(get(operator.management().resolve("/q/metrics")).body())
                .contains("controller_runtime_reconcile_total{controller=\"virtualnode\",result=\"success\"}")
                .contains("aws_api_calls_total{error_code=\"\",operation=\"CreateVirtualNode\",service=\"App Mesh\"")
                .contains(
                        "controller_runtime_webhook_requests_total{code=\"200\",webhook=\"/mutate-appmesh-k8s-aws-v1beta2-virtualnode\"}");

        // Pod injection: the sample pod gets proxyinit and envoy, configured for its node.
        Pod pod = (Pod) manifests.applyFile("docs/examples/03-pod.yaml").get(0);
        assertThat(pod.getSpec().getInitContainers()).extracting(Container::getName).contains("proxyinit");
        Container envoy = pod.getSpec().getContainers().stream().filter(c -> c.getName().equals("envoy")).findFirst()
                .orElseThrow();
        assertThat(envoy.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("APPMESH_RESOURCE_ARN");
            assertThat(env.getValue()).endsWith("mesh/demo/virtualNode/service-a_appmesh-demo");
        });
    }

    @Test
    void cloudMapNodesRegisterTheirPods() throws Exception {
        Aws aws = new Aws(front.endpoint());
        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            Aws.createHttpNamespace(cloudMap, "packaged.local");
            Manifests manifests = new Manifests(client, operator.webhooks());
            manifests.apply("""
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: Mesh
                    metadata: {name: mapped}
                    spec: {namespaceSelector: {matchLabels: {mesh: mapped}}}
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: mapped, labels: {mesh: mapped}}
                    ---
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualNode
                    metadata: {name: colors, namespace: mapped}
                    spec:
                      podSelector: {matchLabels: {app: colors}}
                      listeners: [{portMapping: {port: 8080, protocol: http}}]
                      serviceDiscovery: {awsCloudMap: {namespaceName: packaged.local, serviceName: colors}}
                    """);
            Fixtures.runReadyPod(client, "mapped", "colors-1", "colors", "10.2.0.1", false);
            manifests.awaitActive(VirtualNode.class, "mapped", "colors", CONVERGED);
            await().atMost(CONVERGED).untilAsserted(() -> {
                var service = Aws.cloudMapService(cloudMap, "colors").orElseThrow();
                assertThat(cloudMap.listInstances(r -> r.serviceId(service.id())).instances()).singleElement()
                        .satisfies(i -> assertThat(i.attributes()).containsEntry("AWS_INSTANCE_IPV4", "10.2.0.1")
                                .containsEntry("appmesh.k8s.aws/virtualNode", "colors_mapped"));
            });
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
