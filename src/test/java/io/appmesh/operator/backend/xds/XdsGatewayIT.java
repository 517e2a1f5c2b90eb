package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
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
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A virtual gateway served over the operator's own ADS port: applied through the webhooks, the gateway and its route
 * become Active without an ARN; a proxy announcing {@code mesh/<mesh>/virtualGateway/<gateway>} (what the injector
 * sets for gateway pods) receives the gateway's listeners, routes, clusters and endpoints; a route change is pushed; a
 * NACK shows on the VirtualGateway; a route Envoy would refuse, or one to a missing service, is refused on the
 * GatewayRoute and nothing is pushed; the config dump answers for the gateway, and deleting the gateway removes its
 * configuration.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = XdsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "appmesh.xds.config-dump", value = "true"))
class XdsGatewayIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** Long enough for a debounced build (at most 1 s) and its push: a response that has not come by then is none. */
    private static final Duration NOTHING = Duration.ofMillis(2500);
    private static final String GATEWAY = "mesh/gw/virtualGateway/ingress_gw";
    private static final String BLUE = "cds_egress_gw_blue_gw_http_8080";
    private static final String SELF = "cds_ingress_gw_ingress_gw_self_redirect_http_15001";
    private static final List<String> ROUTES = List.of("rds_egress_http_15001", "rds_ingress_http_8088");

    @Inject
    XdsControlPlane plane;

    /** The management root (/q) is prepended: this is /q/xds/. */
    @TestHTTPResource(value = "/xds/", management = true)
    URL configDump;

    @Test
    void servesAGatewayThroughAds() throws Exception {
        Manifests manifests = manifests();
        manifests.apply(Manifests.namespaceAndMesh("gw"));
        manifests.apply(MANIFESTS);
        Fixtures.runReadyPod(client, "gw", "blue-1", "blue", "10.0.7.11", false);
        Pod ingressPod = Fixtures.runReadyPod(client, "gw", "ingress-1", "ingress", "10.0.7.99", false);
        // The proxy is ingress-1's Envoy: TLS and its projected token, as the server requires by default.
        String token = TokenAuthority.podToken("gw", "default", "ingress-1", ingressPod.getMetadata().getUid(),
                "appmesh-xds", Instant.now().plusSeconds(3600));

        manifests.awaitActive(VirtualNode.class, "gw", "blue", CONVERGED);
        manifests.awaitActive(VirtualService.class, "gw", "color", CONVERGED);
        assertThat(manifests.awaitActive(VirtualGateway.class, "gw", "ingress", CONVERGED).getStatus()
                .getVirtualGatewayARN()).isNull();
        assertThat(manifests.awaitActive(GatewayRoute.class, "gw", "to-color", CONVERGED).getStatus()
                .getGatewayRouteARN()).isNull();
        await().atMost(CONVERGED).until(() -> plane.port().isPresent());

        try (AdsClient gateway = AdsClient.secure(plane.port().get(), token, GATEWAY)) {
            gateway.subscribe(AdsClient.CDS, List.of(), "");
            // the gateway may be served before its route (each is admitted by its own reconciler): each answer is
            // acknowledged (the server answers a type again only then) until the route's cluster is there
            DiscoveryResponse cds = await().atMost(CONVERGED).until(() -> nextAcked(gateway),
                    r -> r != null && AdsClient.resources(r, Cluster.class).stream().anyMatch(c -> c.getName().equals(BLUE)));
            assertThat(AdsClient.resources(cds, Cluster.class).stream().map(Cluster::getName))
                    .containsExactlyInAnyOrder(SELF, BLUE);
            gateway.subscribe(AdsClient.EDS, List.of(BLUE), "");
            DiscoveryResponse eds = gateway.next(ANSWER);
            assertThat(eds.getTypeUrl()).isEqualTo(AdsClient.EDS);
            assertThat(ips(eds)).as("blue's pod; the gateway's own pod is an endpoint of nothing")
                    .containsExactly("10.0.7.11");
            gateway.ack(eds, List.of(BLUE));
            gateway.subscribe(AdsClient.LDS, List.of(), "");
            DiscoveryResponse lds = gateway.next(ANSWER);
            assertThat(AdsClient.resources(lds, Listener.class).stream().map(Listener::getName))
                    .containsExactly("lds_egress_0.0.0.0_15001", "lds_ingress_0.0.0.0_8088");
            gateway.ack(lds, List.of());
            gateway.subscribe(AdsClient.RDS, ROUTES, "");
            DiscoveryResponse rds = gateway.next(ANSWER);
            assertThat(AdsClient.resources(rds, RouteConfiguration.class).stream().map(RouteConfiguration::getName))
                    .containsExactlyInAnyOrderElementsOf(ROUTES);
            assertThat(ingressRoutes(rds).toString()).contains("prefix: \"/color\"", SELF,
                    "host_rewrite_literal: \"color.gw.svc.cluster.local\"");

            // A NACK from the gateway's proxy shows on the VirtualGateway, and clears when it accepts again.
            gateway.nack(rds, ROUTES, "", "route: unknown cluster (test)");
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(VirtualGateway.class, "gw",
                    "ingress"), "ConfigRejected")).isNotNull().satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("True");
                        assertThat(c.getMessage()).contains("RDS rejected: route: unknown cluster (test)");
                    }));
            gateway.ack(rds, ROUTES);
            await().atMost(CONVERGED).until(() -> condition(manifests.get(VirtualGateway.class, "gw", "ingress"),
                    "ConfigRejected") == null);

            // A route change reaches the gateway's proxy.
            manifests.update("""
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: GatewayRoute
                    metadata: {name: to-color, namespace: gw}
                    spec:
                      httpRoute:
                        match: {prefix: /colour}
                    """);
            DiscoveryResponse changed = await().atMost(CONVERGED).until(() -> nextAcked(gateway),
                    r -> r != null && r.getTypeUrl().equals(AdsClient.RDS)
                            && ingressRoutes(r).toString().contains("prefix: \"/colour\""));
            assertThat(ingressRoutes(changed).toString()).doesNotContain("prefix: \"/color\"");
            settle(gateway);

            // A regex Envoy (RE2) cannot compile is refused on the route; the proxy receives nothing.
            manifests.update("""
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: GatewayRoute
                    metadata: {name: to-color, namespace: gw}
                    spec:
                      httpRoute:
                        match: {prefix: null, path: {regex: "/(?=blue)"}}
                    """);
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(GatewayRoute.class, "gw",
                    "to-color"), "UpdateRejected")).isNotNull().satisfies(c -> {
                        assertThat(c.getReason()).isEqualTo("InvalidRegex");
                        assertThat(c.getMessage()).contains("spec.httpRoute.match.path.regex");
                    }));
            assertThat(condition(manifests.get(GatewayRoute.class, "gw", "to-color"), "GatewayRouteActive").getStatus())
                    .isEqualTo("True");
            gateway.assertNothingPushed(NOTHING, "a refused gateway route");

            // A route to a service that does not exist stops at the reconciler; the proxy keeps the last good routes.
            manifests.update("""
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: GatewayRoute
                    metadata: {name: to-color, namespace: gw}
                    spec:
                      httpRoute:
                        match: {prefix: /colour, path: null}
                        action: {target: {virtualService: {virtualServiceRef: {name: nosuch}}}}
                    """);
            await().atMost(CONVERGED).untilAsserted(() -> assertThat(condition(manifests.get(GatewayRoute.class, "gw",
                    "to-color"), "GatewayRouteActive")).satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("VirtualServiceNotFound");
                    }));
            gateway.assertNothingPushed(NOTHING, "a route to a missing service");
        }

        // The config dump answers for the gateway's id.
        String dump = RestAssured.get(configDump + GATEWAY).then().log().ifValidationFails().statusCode(200).extract()
                .asString();
        assertThat(dump).contains("\"name\": \"lds_ingress_0.0.0.0_8088\"", SELF, "/colour");

        // Deleting the gateway (its route first) removes its configuration.
        manifests.deleteAndAwait(CONVERGED, manifests.get(GatewayRoute.class, "gw", "to-color"));
        manifests.deleteAndAwait(CONVERGED, manifests.get(VirtualGateway.class, "gw", "ingress"));
        await().atMost(CONVERGED).until(() -> plane.snapshots().snapshot(GATEWAY) == null);
        RestAssured.get(configDump + GATEWAY).then().statusCode(404);
        assertThat(XdsTestEnvironment.AWS_REQUESTS.get()).as("AWS calls").isZero();
    }

    /** The next push, acknowledged (with the names the client follows for its type); null when none came. */
    private static DiscoveryResponse nextAcked(AdsClient proxy) throws InterruptedException {
        DiscoveryResponse pushed = proxy.next(ANSWER);
        if (pushed != null) {
            proxy.ack(pushed, followed(pushed.getTypeUrl()));
        }
        return pushed;
    }

    /** Acknowledges every push until none comes for a while. */
    private static void settle(AdsClient proxy) throws InterruptedException {
        for (DiscoveryResponse pushed = proxy.next(NOTHING); pushed != null; pushed = proxy.next(NOTHING)) {
            proxy.ack(pushed, followed(pushed.getTypeUrl()));
        }
    }

    /** The names this client follows for a type: the blue cluster's endpoints, both route configurations. */
    private static List<String> followed(String typeUrl) {
        return switch (typeUrl) {
            case AdsClient.EDS -> List.of(BLUE);
            case AdsClient.RDS -> ROUTES;
            default -> List.of();
        };
    }

    private static RouteConfiguration ingressRoutes(DiscoveryResponse rds) {
        return AdsClient.resources(rds, RouteConfiguration.class).stream()
                .filter(r -> r.getName().equals("rds_ingress_http_8088")).findFirst().orElseThrow();
    }

    private static List<String> ips(DiscoveryResponse eds) {
        return AdsClient.resources(eds, ClusterLoadAssignment.class).stream()
                .flatMap(a -> a.getEndpointsList().stream())
                .flatMap(l -> l.getLbEndpointsList().stream())
                .map(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress()).toList();
    }

    private static AppMeshCondition condition(io.fabric8.kubernetes.client.CustomResource<?, ?> object, String type) {
        return StatusFactory.condition(object, type);
    }

    private static final String MANIFESTS = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: blue, namespace: gw}
            spec:
              podSelector: {matchLabels: {app: blue}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: blue.gw.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: color, namespace: gw}
            spec:
              awsName: color.gw.svc.cluster.local
              provider: {virtualNode: {virtualNodeRef: {name: blue}}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualGateway
            metadata: {name: ingress, namespace: gw}
            spec:
              namespaceSelector: {matchLabels: {mesh: gw}}
              podSelector: {matchLabels: {app: ingress}}
              listeners: [{portMapping: {port: 8088, protocol: http}}]
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: to-color, namespace: gw}
            spec:
              httpRoute:
                match: {prefix: /color}
                action: {target: {virtualService: {virtualServiceRef: {name: color}}}}
            """;
}
