package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.reconciler.StatusFactory;
import io.appmesh.operator.sandbox.TokenAuthority;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.XdsTestEnvironment;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The operator with {@code appmesh.backend=xds}, end to end through its own ADS port: manifests applied as users apply
 * them become Active without an ARN and without any AWS call; a proxy of a virtual node receives App Mesh's resources
 * (CDS and EDS before LDS and RDS), changes are pushed, a reconnecting proxy that holds the current versions receives
 * nothing, a NACK shows on the VirtualNode, a router update Envoy would refuse never reaches the proxy, and a
 * VirtualNode using ACM is refused with a condition and a Warning event.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = XdsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "appmesh.xds.config-dump", value = "true"))
class XdsControlPlaneIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** Long enough for a debounced build (at most 1 s) and its push: a response that has not come by then is none. */
    private static final Duration NOTHING = Duration.ofMillis(2500);
    private static final String FRONT = "mesh/xds/virtualNode/front_xds";

    @Inject
    XdsControlPlane plane;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** The management root (/q) is prepended: this is /q/xds/. */
    @TestHTTPResource(value = "/xds/", management = true)
    URL configDump;

    @Test
    void servesTheMeshThroughAds() throws Exception {
        Manifests manifests = manifests();
        manifests.apply(Manifests.namespaceAndMesh("xds"));
        manifests.apply(MANIFESTS);
        Pod frontPod = Fixtures.runReadyPod(client, "xds", "front-1", "front", "10.0.0.10", false);
        // The proxy is front-1's Envoy: TLS and its projected token, as the server requires by default.
        String token = TokenAuthority.podToken("xds", "default", "front-1", frontPod.getMetadata().getUid(),
                "appmesh-xds", Instant.now().plusSeconds(3600));
        Fixtures.runReadyPod(client, "xds", "blue-1", "blue", "10.0.0.11", false);
        Fixtures.runReadyPod(client, "xds", "green-1", "green", "10.0.0.12", false);

        assertThat(manifests.awaitActive(Mesh.class, null, "xds", CONVERGED).getStatus().getMeshARN()).isNull();
        assertThat(manifests.awaitActive(VirtualNode.class, "xds", "front", CONVERGED).getStatus().getVirtualNodeARN())
                .isNull();
        manifests.awaitActive(VirtualNode.class, "xds", "blue", CONVERGED);
        manifests.awaitActive(VirtualNode.class, "xds", "green", CONVERGED);
        VirtualRouter router = manifests.awaitActive(VirtualRouter.class, "xds", "color", CONVERGED);
        assertThat(router.getStatus().getVirtualRouterARN()).isNull();
        manifests.awaitActive(VirtualService.class, "xds", "color", CONVERGED);
        await().atMost(CONVERGED).until(() -> plane.port().isPresent());

        Map<String, String> versions = new HashMap<>();
        try (AdsClient front = AdsClient.secure(plane.port().get(), token, FRONT)) {
            front.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse cds = await().atMost(CONVERGED).until(() -> front.next(ANSWER), r -> r != null);
            List<String> clusters = AdsClient.resources(cds, Cluster.class).stream().map(Cluster::getName).toList();
            assertThat(clusters).contains("cds_ingress_xds_front_xds_http_8080", "cds_egress_xds_blue_xds_http_8080",
                    "cds_egress_xds_green_xds_http_8080");
            List<String> eds = AdsClient.resources(cds, Cluster.class).stream()
                    .filter(c -> c.getType() == Cluster.DiscoveryType.EDS).map(Cluster::getName).sorted().toList();
            front.ack(cds, List.of());
            front.subscribe(AdsClient.EDS, eds, "");
            DiscoveryResponse endpoints = front.next(ANSWER);
            assertThat(endpoints.getTypeUrl()).isEqualTo(AdsClient.EDS);
            assertThat(ips(endpoints, "cds_egress_xds_blue_xds_http_8080")).containsExactly("10.0.0.11");
            front.ack(endpoints, eds);
            front.subscribe(AdsClient.LDS, List.of(), "");
            DiscoveryResponse lds = front.next(ANSWER);
            assertThat(AdsClient.resources(lds, Listener.class).stream().map(Listener::getName))
                    .containsExactly("lds_egress_0.0.0.0_15001", "lds_ingress_0.0.0.0_15000");
            front.ack(lds, List.of());
            List<String> routeNames = List.of("rds_egress_http_8080", "rds_ingress_http_8080");
            front.subscribe(AdsClient.RDS, routeNames, "");
            DiscoveryResponse rds = front.next(ANSWER);
            assertThat(AdsClient.resources(rds, RouteConfiguration.class).stream().map(RouteConfiguration::getName))
                    .containsExactlyInAnyOrderElementsOf(routeNames);
            front.ack(rds, routeNames);
            for (DiscoveryResponse r : List.of(cds, endpoints, lds, rds)) {
                versions.put(r.getTypeUrl(), r.getVersionInfo());
            }

            // A change reaches the proxy: a new node behind the router brings a new cluster (CDS, EDS) and routes
            // (RDS), the clusters first.
            manifests.apply(RED);
            updateRouter(ROUTER_WITH_RED);
            manifests.awaitActive(VirtualNode.class, "xds", "red", CONVERGED);
            Fixtures.runReadyPod(client, "xds", "red-1", "red", "10.0.0.13", false);
            List<String> order = new ArrayList<>();
            DiscoveryResponse newRds = null;
            while (newRds == null) {
                DiscoveryResponse pushed = front.next(CONVERGED);
                assertThat(pushed).as("a push after the router changed").isNotNull();
                order.add(pushed.getTypeUrl());
                List<String> names = switch (pushed.getTypeUrl()) {
                    case AdsClient.EDS -> eds = AdsClient.resources(pushed, ClusterLoadAssignment.class).stream()
                            .map(ClusterLoadAssignment::getClusterName).toList();
                    case AdsClient.RDS -> routeNames;
                    default -> List.of();
                };
                if (pushed.getTypeUrl().equals(AdsClient.CDS)) {
                    eds = AdsClient.resources(pushed, Cluster.class).stream()
                            .filter(c -> c.getType() == Cluster.DiscoveryType.EDS).map(Cluster::getName).sorted().toList();
                    front.ack(pushed, List.of());
                    front.subscribe(AdsClient.EDS, eds, versions.get(AdsClient.EDS));
                } else {
                    front.ack(pushed, names);
                }
                versions.put(pushed.getTypeUrl(), pushed.getVersionInfo());
                if (pushed.getTypeUrl().equals(AdsClient.RDS)
                        && AdsClient.resources(pushed, RouteConfiguration.class).toString().contains("red_xds")) {
                    newRds = pushed;
                }
            }
            assertThat(order.indexOf(AdsClient.CDS)).as("CDS before RDS: %s", order).isGreaterThanOrEqualTo(0)
                    .isLessThan(order.indexOf(AdsClient.RDS));

            // NACK: the node shows it, and recovers when its proxies accept a configuration again.
            front.nack(newRds, routeNames, versions.get(AdsClient.RDS), "route: unknown cluster (test)");
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualNode.class, "xds",
                    "front"), "ConfigRejected")).isNotNull().satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("True");
                        assertThat(c.getMessage()).contains("RDS rejected: route: unknown cluster (test)");
                    }));
            assertThat(warnings("ConfigRejected")).anyMatch(m -> m.contains("unknown cluster (test)"));
            front.ack(newRds, routeNames);
            await().atMost(CONVERGED).until(() -> condition(manifests.get(VirtualNode.class, "xds", "front"),
                    "ConfigRejected") == null);

            // A regex Envoy cannot compile is refused at the router; the proxy receives nothing. (First the pushes still
            // under way — the red pod's endpoint — are taken and acknowledged.)
            eds = settle(front, eds, routeNames, versions);
            updateRouter(ROUTER_WITH_BAD_REGEX);
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualRouter.class, "xds",
                    "color"), "UpdateRejected")).isNotNull().satisfies(c -> {
                        assertThat(c.getReason()).isEqualTo("InvalidRegex");
                        assertThat(c.getMessage()).contains("spec.routes[0].httpRoute.match.path.regex");
                    }));
            assertThat(condition(manifests.get(VirtualRouter.class, "xds", "color"), "VirtualRouterActive").getStatus())
                    .isEqualTo("True");
            front.assertNothingPushed(NOTHING, "a refused router");

            // A route to a node that does not exist stops at the reconciler; the proxy keeps the last good routes.
            updateRouter(ROUTER_TO_MISSING_NODE);
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualRouter.class, "xds",
                    "color"), "VirtualRouterActive")).satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("VirtualNodeNotFound");
                    }));
            front.assertNothingPushed(NOTHING, "a route to a missing node");
            updateRouter(ROUTER_WITH_RED);
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualRouter.class, "xds",
                    "color"), "VirtualRouterActive").getStatus()).isEqualTo("True"));

            // A pod that turns unready leaves the callers' endpoints.
            Pod red = client.pods().inNamespace("xds").withName("red-1").get();
            red.getStatus().getConditions().get(0).setStatus("False");
            client.resource(red).updateStatus();
            DiscoveryResponse withoutRed = await().atMost(CONVERGED).until(() -> front.next(ANSWER),
                    r -> r != null && r.getTypeUrl().equals(AdsClient.EDS));
            assertThat(ips(withoutRed, "cds_egress_xds_red_xds_http_8080")).isEmpty();
            front.ack(withoutRed, eds);
            versions.put(AdsClient.EDS, withoutRed.getVersionInfo());
        }

        // The metrics saw the streams, the pushes (with their latency from the change) and the NACK.
        String scraped = RestAssured.get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("appmesh_xds_nacks_total{node=\"" + FRONT + "\",type=\"rds\"} 1.0",
                "appmesh_xds_connected_streams{node=\"" + FRONT + "\"}", "appmesh_xds_pushes_total{type=\"cds\"}",
                "appmesh_xds_snapshot_build_seconds_count");
        assertThat(scraped).containsPattern("appmesh_xds_push_latency_seconds_count\\{type=\"rds\"\\} [1-9]");

        // The config dump shows what the node receives, in Envoy's /config_dump shape and versions.
        String dump = RestAssured.get(configDump + FRONT).then().log().ifValidationFails().statusCode(200).extract().asString();
        assertThat(dump).contains("type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                "\"name\": \"lds_egress_0.0.0.0_15001\"", "\"versionInfo\": \"" + versions.get(AdsClient.LDS) + "\"",
                "cds_egress_xds_red_xds_http_8080");
        RestAssured.get(configDump + "mesh/xds/virtualNode/nobody").then().statusCode(404);

        // A proxy that reconnects with the versions it holds receives nothing new (content-hash versions).
        try (AdsClient again = AdsClient.secure(plane.port().get(), token, FRONT)) {
            again.subscribe(AdsClient.CDS, List.of(), versions.get(AdsClient.CDS));
            again.subscribe(AdsClient.LDS, List.of(), versions.get(AdsClient.LDS));
            assertThat(again.next(NOTHING)).isNull();
        }
        assertThat(XdsTestEnvironment.AWS_REQUESTS.get()).as("AWS calls").isZero();
    }

    @Test
    void aVirtualNodeUsingAcmIsRefusedVisibly() throws Exception {
        Manifests manifests = manifests();
        manifests.apply(Manifests.namespaceAndMesh("acm"));
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: secure, namespace: acm}
                spec:
                  podSelector: {matchLabels: {app: secure}}
                  listeners:
                    - portMapping: {port: 8443, protocol: http}
                      tls:
                        mode: STRICT
                        certificate: {acm: {certificateARN: "arn:aws:acm:us-west-2:111122223333:certificate/x"}}
                  serviceDiscovery: {dns: {hostname: secure.acm.svc.cluster.local}}
                """);
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualNode.class, "acm",
                "secure"), "VirtualNodeActive")).isNotNull().satisfies(c -> {
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("AcmNotServedByXds");
                    assertThat(c.getMessage()).contains("spec.listeners[0].tls.certificate.acm");
                }));
        await().atMost(CONVERGED).until(() -> client.v1().events().inNamespace("acm").list().getItems().stream()
                .anyMatch(e -> "Warning".equals(e.getType())
                        && e.getMessage().contains("spec.listeners[0].tls.certificate.acm")));
        assertThat(plane.served().get(VirtualNode.class, "acm", "secure")).as("never served").isEmpty();
    }

    /** Acknowledges every push until none comes for a while; the EDS names the proxy then subscribes to. */
    private static List<String> settle(AdsClient proxy, List<String> eds, List<String> routeNames,
            Map<String, String> versions) throws InterruptedException {
        for (DiscoveryResponse pushed = proxy.next(NOTHING); pushed != null; pushed = proxy.next(NOTHING)) {
            if (pushed.getTypeUrl().equals(AdsClient.CDS)) {
                eds = AdsClient.resources(pushed, Cluster.class).stream()
                        .filter(c -> c.getType() == Cluster.DiscoveryType.EDS).map(Cluster::getName).sorted().toList();
                proxy.ack(pushed, List.of());
                proxy.subscribe(AdsClient.EDS, eds, versions.get(AdsClient.EDS));
            } else {
                proxy.ack(pushed, switch (pushed.getTypeUrl()) {
                    case AdsClient.EDS -> eds;
                    case AdsClient.RDS -> routeNames;
                    default -> List.of();
                });
            }
            versions.put(pushed.getTypeUrl(), pushed.getVersionInfo());
        }
        return eds;
    }

    /** An update as {@code kubectl apply} makes it: the new spec, with what the webhooks defaulted on create kept. */
    private void updateRouter(String yaml) throws Exception {
        VirtualRouter wanted = io.appmesh.operator.testing.YamlDocuments.YAML
                .convertValue(io.appmesh.operator.testing.YamlDocuments.parse(yaml).get(0), VirtualRouter.class);
        VirtualRouter current = client.resources(VirtualRouter.class).inNamespace("xds").withName("color").get();
        wanted.getSpec().setMeshRef(current.getSpec().getMeshRef());
        wanted.getSpec().setAwsName(current.getSpec().getAwsName());
        current.setSpec(wanted.getSpec());
        client.resource(current).update();
    }

    private static List<String> ips(DiscoveryResponse eds, String cluster) {
        return AdsClient.resources(eds, ClusterLoadAssignment.class).stream()
                .filter(a -> a.getClusterName().equals(cluster))
                .flatMap(a -> a.getEndpointsList().stream())
                .flatMap(l -> l.getLbEndpointsList().stream())
                .map(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress()).toList();
    }

    private static AppMeshCondition condition(io.fabric8.kubernetes.client.CustomResource<?, ?> object, String type) {
        return StatusFactory.condition(object, type);
    }

    private List<String> warnings(String reason) {
        return client.v1().events().inNamespace("xds").list().getItems().stream()
                .filter(e -> reason.equals(e.getReason())).map(Event::getMessage).toList();
    }

    private static final String MANIFESTS = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: blue, namespace: xds}
            spec:
              podSelector: {matchLabels: {app: blue}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: blue.xds.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: green, namespace: xds}
            spec:
              podSelector: {matchLabels: {app: green}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: green.xds.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: {name: color, namespace: xds}
            spec:
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              routes:
                - name: blue-by-header
                  priority: 0
                  httpRoute:
                    match: {prefix: /, headers: [{name: color, match: {exact: blue}}]}
                    action: {weightedTargets: [{virtualNodeRef: {name: blue}, weight: 1}]}
                - name: default
                  priority: 1
                  httpRoute:
                    match: {prefix: /}
                    action: {weightedTargets: [{virtualNodeRef: {name: green}, weight: 1}]}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: color, namespace: xds}
            spec:
              awsName: color.xds.svc.cluster.local
              provider: {virtualRouter: {virtualRouterRef: {name: color}}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: front, namespace: xds}
            spec:
              podSelector: {matchLabels: {app: front}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: front.xds.svc.cluster.local}}
              backends: [{virtualService: {virtualServiceRef: {name: color}}}]
            """;

    private static final String RED = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: red, namespace: xds}
            spec:
              podSelector: {matchLabels: {app: red}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: red.xds.svc.cluster.local}}
            """;

    private static final String ROUTER_WITH_RED = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: {name: color, namespace: xds}
            spec:
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              routes:
                - name: blue-by-header
                  priority: 0
                  httpRoute:
                    match: {prefix: /, headers: [{name: color, match: {exact: blue}}]}
                    action: {weightedTargets: [{virtualNodeRef: {name: blue}, weight: 1}]}
                - name: default
                  priority: 1
                  httpRoute:
                    match: {prefix: /}
                    action: {weightedTargets: [{virtualNodeRef: {name: green}, weight: 1}, {virtualNodeRef: {name: red}, weight: 1}]}
            """;

    private static final String ROUTER_TO_MISSING_NODE = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: {name: color, namespace: xds}
            spec:
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              routes:
                - name: nowhere
                  httpRoute:
                    match: {prefix: /}
                    action: {weightedTargets: [{virtualNodeRef: {name: nosuch}, weight: 1}]}
            """;

    private static final String ROUTER_WITH_BAD_REGEX = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: {name: color, namespace: xds}
            spec:
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              routes:
                - name: blue-by-header
                  priority: 0
                  httpRoute:
                    match: {path: {regex: "/(?=blue)"}}
                    action: {weightedTargets: [{virtualNodeRef: {name: blue}, weight: 1}]}
            """;
}
