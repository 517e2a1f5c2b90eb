package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Message;

import io.appmesh.operator.backend.xds.RoutingOracle.GatewayAnswer;
import io.appmesh.operator.backend.xds.RoutingOracle.Outcome;
import io.appmesh.operator.backend.xds.RoutingOracle.Request;
import io.appmesh.operator.mesh.model.BackendModel;
import io.appmesh.operator.mesh.model.GatewayModel;
import io.appmesh.operator.mesh.model.ListenerModel;
import io.appmesh.operator.mesh.model.MatchModel;
import io.appmesh.operator.mesh.model.Protocol;
import io.appmesh.operator.mesh.model.RouteModel;
import io.appmesh.operator.mesh.model.TargetModel;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;

/**
 * What the golden cases do not cover, on hand-built models: hostname matches, port-limited routes, gRPC routes,
 * a kept client host (DISABLED hostname rewrite), one service targeted on two ports, and connection pools.
 */
class GatewayTranslatorTest {

    private static final PgvChecker CHECKER = new PgvChecker(EnvoyTypes.REGISTRY);
    private static final String SVC = "svc.ns.svc.cluster.local";
    private static final String GRPC_SVC = "grpc.ns.svc.cluster.local";

    private static TargetModel node(String name, int port, Protocol protocol) {
        return new TargetModel(name, new ListenerModel(port, protocol, null, null, null, null, null), null, false,
                List.of("10.0.0.1"));
    }

    private static RouteModel all(String name, TargetModel target) {
        return new RouteModel(name, target.protocol(), null, null, List.of(new RouteModel.Target(target, 1)), null, null,
                null);
    }

    private static MatchModel prefix(String prefix) {
        return new MatchModel(prefix, null, null, List.of(), null, null, List.of(), null, null);
    }

    private static GatewayModel.Route route(String name, Protocol protocol, MatchModel match, String exact,
            String suffix, Integer port, String service, Integer servicePort, GatewayModel.Rewrite rewrite) {
        return new GatewayModel.Route(name, protocol, null, match, exact, suffix, port, service, servicePort, rewrite);
    }

    private static EnvoyResources translate() {
        TargetModel a = node("a_ns", 8080, Protocol.HTTP);
        TargetModel b = node("b_ns", 9090, Protocol.HTTP);
        TargetModel g = node("g_ns", 50051, Protocol.GRPC);
        BackendModel svc = new BackendModel(SVC, List.of(
                new BackendModel.PortRoutes(8080, Protocol.HTTP, List.of(all("to-a", a))),
                new BackendModel.PortRoutes(9090, Protocol.HTTP, List.of(all("to-b", b)))));
        BackendModel grpc = new BackendModel(GRPC_SVC,
                List.of(new BackendModel.PortRoutes(50051, Protocol.GRPC, List.of(all("to-g", g)))));
        GatewayModel.Rewrite keepHost = new GatewayModel.Rewrite(true, null, null, false);
        List<GatewayModel.Route> routes = List.of(
                route("exact-host", Protocol.HTTP, prefix("/"), "www.example.com", null, null, SVC, 8080,
                        GatewayModel.Rewrite.DEFAULT),
                route("suffix-host", Protocol.HTTP, prefix("/"), null, ".example.org", null, SVC, 9090,
                        GatewayModel.Rewrite.DEFAULT),
                route("keep-host", Protocol.HTTP, prefix("/keep"), null, null, 8088, SVC, 8080, keepHost),
                route("only-9000", Protocol.HTTP, prefix("/"), null, null, 9000, SVC, 9090, GatewayModel.Rewrite.DEFAULT),
                route("grpc", Protocol.GRPC,
                        new MatchModel(null, null, null,
                                List.of(new MatchModel.HeaderMatch("tenant", MatchModel.Kind.EXACT, "t1", 0, 0, false)),
                                null, null, List.of(), "pkg.Svc", null),
                        null, null, null, GRPC_SVC, null, new GatewayModel.Rewrite(false, null, null, true)));
        List<GatewayModel.Listener> listeners = List.of(
                new GatewayModel.Listener(8088, Protocol.HTTP, new ListenerModel.ConnectionPool(10L, 5L, null), null),
                new GatewayModel.Listener(9000, Protocol.HTTP, null, null),
                new GatewayModel.Listener(7000, Protocol.GRPC, new ListenerModel.ConnectionPool(null, null, 7L), null));
        return GatewayTranslator.translate(new GatewayModel("m", "gw_ns", listeners, null, routes, List.of(svc, grpc)));
    }

    @Test
    void passesEnvoysRules() {
        EnvoyResources r = translate();
        assertThat(ReferenceChecker.violations(r)).isEmpty();
        for (Message m : XdsTranslatorTest.all(r)) {
            assertThat(CHECKER.violations(m)).as(m.toString()).isEmpty();
        }
        assertThat(r.listeners()).extracting(l -> l.getName()).containsExactly("lds_egress_0.0.0.0_15001",
                "lds_ingress_0.0.0.0_7000", "lds_ingress_0.0.0.0_8088", "lds_ingress_0.0.0.0_9000");
    }

    @Test
    void hostnameMatchesAllowAPortAndIgnoreCase() {
        EnvoyResources r = translate();
        assertThat(RoutingOracle.gateway(r, Request.http(8088, "www.example.com", "/x")).egress().only())
                .isEqualTo("cds_egress_m_a_ns_http_8080");
        assertThat(RoutingOracle.gateway(r, Request.http(8088, "WWW.example.com:8088", "/x")).egress().only())
                .isEqualTo("cds_egress_m_a_ns_http_8080");
        assertThat(RoutingOracle.gateway(r, Request.http(8088, "wwwXexample.com", "/x")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        // the second port of the same service is told apart by the host the gateway forwards as
        GatewayAnswer suffix = RoutingOracle.gateway(r, Request.http(8088, "api.example.org", "/x"));
        assertThat(suffix.forwarded().authority()).isEqualTo(SVC + ":9090");
        assertThat(suffix.egress().only()).isEqualTo("cds_egress_m_b_ns_http_9090");
    }

    @Test
    void keptHostIsRoutedByTheServiceHeader() {
        GatewayAnswer kept = RoutingOracle.gateway(translate(), Request.http(8088, "client.example.net", "/keep/x"));
        assertThat(kept.forwarded().authority()).isEqualTo("client.example.net");
        assertThat(kept.forwarded().headers()).containsEntry("x-app-mesh-virtual-service", SVC);
        assertThat(kept.forwarded().path()).isEqualTo("//x");
        assertThat(kept.egress().virtualHost()).isEqualTo("default_backend");
        assertThat(kept.egress().only()).isEqualTo("cds_egress_m_a_ns_http_8080");
    }

    @Test
    void portLimitedRoutesAndGrpc() {
        EnvoyResources r = translate();
        // only-9000 is on the 9000 listener alone
        assertThat(RoutingOracle.gateway(r, Request.http(9000, "any", "/")).egress().only())
                .isEqualTo("cds_egress_m_b_ns_http_9090");
        assertThat(RoutingOracle.gateway(r, Request.http(8088, "any", "/")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        GatewayAnswer call = RoutingOracle.gateway(r, Request.grpc(7000, "any", "pkg.Svc", "Get").header("tenant", "t1"));
        assertThat(call.ingress().cluster()).isEqualTo("cds_ingress_m_gw_ns_self_redirect_7000_grpc_15001");
        assertThat(call.egress().only()).isEqualTo("cds_egress_m_g_ns_grpc_50051");
        assertThat(RoutingOracle.gateway(r, Request.grpc(7000, "any", "pkg.Svc", "Get")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.gateway(r, Request.grpc(7000, "any", "pkg.Other", "Get").header("tenant", "t1"))
                .ingress().outcome()).isEqualTo(Outcome.NO_ROUTE);
    }

    @Test
    void selfRedirectClustersCarryTheListenersPools() {
        EnvoyResources r = translate();
        // several listeners: one cluster each, named with the listener's port (App Mesh's multi-listener names)
        assertThat(r.clusters()).extracting(Cluster::getName).filteredOn(n -> n.contains("self_redirect"))
                .containsExactlyInAnyOrder("cds_ingress_m_gw_ns_self_redirect_7000_grpc_15001",
                        "cds_ingress_m_gw_ns_self_redirect_8088_http_15001",
                        "cds_ingress_m_gw_ns_self_redirect_9000_http_15001");
        assertThat(RoutingOracle.gateway(r, Request.http(9000, "any", "/")).ingress().cluster())
                .isEqualTo("cds_ingress_m_gw_ns_self_redirect_9000_http_15001");
        assertThat(cluster(r, "cds_ingress_m_gw_ns_self_redirect_9000_http_15001").getCircuitBreakers()
                .getThresholds(0).getMaxConnections().getValue()).as("the 8088 listener's pool is not 9000's")
                .isEqualTo(2147483647);
        Cluster http = cluster(r, "cds_ingress_m_gw_ns_self_redirect_8088_http_15001");
        assertThat(http.getCircuitBreakers().getThresholds(0).getMaxConnections().getValue()).isEqualTo(10);
        assertThat(http.getCircuitBreakers().getThresholds(0).getMaxPendingRequests().getValue()).isEqualTo(5);
        assertThat(http.getConnectTimeout().getNanos()).isEqualTo(250_000_000);
        Cluster grpc = cluster(r, "cds_ingress_m_gw_ns_self_redirect_7000_grpc_15001");
        assertThat(grpc.getCircuitBreakers().getThresholds(0).getMaxRequests().getValue()).isEqualTo(7);
        assertThat(grpc.getTypedExtensionProtocolOptionsMap()).isNotEmpty(); // HTTP/2 towards the egress hop
    }

    private static Cluster cluster(EnvoyResources r, String name) {
        return r.clusters().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}
