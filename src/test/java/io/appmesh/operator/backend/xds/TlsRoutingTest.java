package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;

import io.appmesh.operator.backend.xds.RoutingOracle.Answer;
import io.appmesh.operator.backend.xds.RoutingOracle.Outcome;
import io.appmesh.operator.backend.xds.RoutingOracle.Request;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * Which filter chain a TLS connection and a plaintext one reach under STRICT and PERMISSIVE (routing oracle rules on
 * hand-built resources), then the TLS walkthroughs through the translator: who terminates TLS, who requires a client
 * certificate, and which upstream connections the client policies secure.
 */
class TlsRoutingTest {

    private static final Any HCM = Any.pack(HttpConnectionManager.newBuilder().setStatPrefix("t")
            .setRds(Rds.newBuilder().setRouteConfigName("routes")).build());
    private static final TransportSocket MTLS = TransportSocket.newBuilder().setName(TlsTranslator.TRANSPORT_SOCKET)
            .setTypedConfig(Any.pack(DownstreamTlsContext.newBuilder().setRequireClientCertificate(BoolValue.of(true))
                    .build()))
            .build();

    private static FilterChain.Builder chain(String name, int port, Any config) {
        return FilterChain.newBuilder().setName(name)
                .setFilterChainMatch(FilterChainMatch.newBuilder().setDestinationPort(UInt32Value.of(port)))
                .addFilters(Filter.newBuilder().setName("f").setTypedConfig(config));
    }

    /** An inbound listener with the given filters and chains, its routes sending everything to "local". */
    private static EnvoyResources inbound(List<Integer> inspected, FilterChain... chains) {
        Listener.Builder listener = Listener.newBuilder().setName("in").setTrafficDirection(TrafficDirection.INBOUND)
                .addAllFilterChains(List.of(chains));
        if (inspected != null) {
            listener.addListenerFilters(TlsTranslator.inspector(inspected));
        }
        RouteConfiguration routes = RouteConfiguration.newBuilder().setName("routes")
                .addVirtualHosts(VirtualHost.newBuilder().setName("all").addDomains("*").addRoutes(Route.newBuilder()
                        .setName("r").setMatch(RouteMatch.newBuilder().setPrefix("/"))
                        .setRoute(RouteAction.newBuilder().setCluster("local"))))
                .build();
        return new EnvoyResources(List.of(listener.build()), List.of(routes), List.of(), List.of());
    }

    private static Request http(int port) {
        return Request.http(port, "h", "/").inbound();
    }

    @Test
    void strictTerminatesTlsAndClosesPlaintextAndCertificateLessConnections() {
        EnvoyResources r = inbound(null, chain("strict", 8443, HCM).setTransportSocket(MTLS).build(),
                chain("plain", 8080, HCM).build());
        Answer mtls = RoutingOracle.route(r, http(8443).overTls("h", true));
        assertThat(mtls.outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(mtls.tls()).isTrue();
        assertThat(mtls.only()).isEqualTo("local");
        assertThat(RoutingOracle.route(r, http(8443).overTls(null, false)).outcome())
                .as("no client certificate").isEqualTo(Outcome.HANDSHAKE_FAILED);
        assertThat(RoutingOracle.route(r, http(8443)).outcome()).as("plaintext").isEqualTo(Outcome.HANDSHAKE_FAILED);
        assertThat(RoutingOracle.route(r, http(8080).overTls("h", true)).outcome())
                .as("TLS into a plaintext HTTP chain").isEqualTo(Outcome.CODEC_ERROR);
        assertThat(RoutingOracle.route(r, http(8080)).tls()).isFalse();
    }

    @Test
    void permissiveTellsTlsFromPlaintextWhereTheInspectorLooks() {
        Any tcp = Any.pack(TcpProxy.newBuilder().setStatPrefix("t").setCluster("db").build());
        FilterChain plain = chain("plain", 8080, HCM).build();
        FilterChain secure = plain.toBuilder().setName("tls").setTransportSocket(MTLS)
                .setFilterChainMatch(plain.getFilterChainMatch().toBuilder().setTransportProtocol("tls")).build();
        EnvoyResources r = inbound(List.of(8080), secure, plain, chain("db", 5432, tcp).build());
        assertThat(RoutingOracle.route(r, http(8080).overTls(null, true)).filterChain()).isEqualTo("tls");
        assertThat(RoutingOracle.route(r, http(8080)).filterChain()).isEqualTo("plain");
        assertThat(RoutingOracle.route(r, http(8080).overTls(null, false)).outcome())
                .isEqualTo(Outcome.HANDSHAKE_FAILED);
        // The inspector is off on 5432: a TLS client's bytes go through the TCP proxy untouched.
        Answer passthrough = RoutingOracle.route(r, Request.tls(5432, "db").inbound());
        assertThat(passthrough.filterChain()).isEqualTo("db");
        assertThat(passthrough.tls()).isFalse();
        // Without an inspector nothing is recognised as TLS: the plaintext chain takes it and cannot parse it.
        EnvoyResources blind = inbound(null, secure, plain);
        assertThat(RoutingOracle.route(blind, http(8080).overTls(null, true)).outcome()).isEqualTo(Outcome.CODEC_ERROR);
    }

    // ---- the walkthroughs

    private static String egress(String mesh, String node, String proto, int port) {
        return "cds_egress_" + mesh + "_" + node + "_" + proto + "_" + port;
    }

    private static List<String> sans(UpstreamTlsContext tls) {
        var common = tls.getCommonTlsContext();
        var context = common.hasCombinedValidationContext()
                ? common.getCombinedValidationContext().getDefaultValidationContext()
                : common.getValidationContext();
        return context.getMatchTypedSubjectAltNamesList().stream()
                .map(m -> m.getSanType() + ":" + m.getMatcher().getExact()).toList();
    }

    @Test
    void tlsFileBased() throws IOException {
        EnvoyResources blue = GoldenCases.translate("tls-file-based", "blue");
        Request request = Request.http(8080, "color-blue.howto.svc.cluster.local:8080", "/").inbound();
        Answer tls = RoutingOracle.route(blue, request.overTls(null, false));
        assertThat(tls.outcome()).as("one-way TLS: no client certificate asked").isEqualTo(Outcome.ROUTED);
        assertThat(tls.tls()).isTrue();
        assertThat(tls.only()).isEqualTo("cds_ingress_howto-mesh_blue_howto_http_8080");
        assertThat(RoutingOracle.route(blue, request).outcome()).isEqualTo(Outcome.HANDSHAKE_FAILED);
        // red's listener has no TLS: the walkthrough's point is that front's TLS to it fails
        assertThat(RoutingOracle.route(GoldenCases.translate("tls-file-based", "red"), request.overTls(null, false))
                .outcome()).isEqualTo(Outcome.CODEC_ERROR);

        EnvoyResources front = GoldenCases.translate("tls-file-based", "front");
        String color = "color.howto.svc.cluster.local";
        for (String c : List.of("blue", "green", "red")) {
            String cluster = RoutingOracle.route(front, Request.http(8080, color, "/").header("color_header", c)).only();
            assertThat(cluster).isEqualTo(egress("howto-mesh", c + "_howto", "http", 8080));
            UpstreamTlsContext upstream = RoutingOracle.upstreamTls(front, cluster);
            assertThat(upstream).as("%s: the backend defaults enforce TLS", c).isNotNull();
            assertThat(upstream.getSni()).isEqualTo(color);
            assertThat(upstream.getCommonTlsContext().getValidationContext().getTrustedCa().getFilename())
                    .isEqualTo("/certs/ca_1_cert.pem");
            assertThat(upstream.getCommonTlsContext().getTlsCertificatesList()).as("no client certificate").isEmpty();
        }
    }

    @Test
    void mtlsFileBased() throws IOException {
        EnvoyResources green = GoldenCases.translate("mtls-file-based", "green");
        Request request = Request.http(8080, "color-green.howto.svc.cluster.local:8080", "/").inbound();
        assertThat(RoutingOracle.route(green, request.overTls(null, true)).only())
                .isEqualTo("cds_ingress_howto-mesh_green_howto_http_8080");
        assertThat(RoutingOracle.route(green, request.overTls(null, false)).outcome())
                .isEqualTo(Outcome.HANDSHAKE_FAILED);

        EnvoyResources front = GoldenCases.translate("mtls-file-based", "front");
        String cluster = RoutingOracle.route(front,
                Request.http(8080, "color.howto.svc.cluster.local", "/").header("color_header", "green")).only();
        UpstreamTlsContext upstream = RoutingOracle.upstreamTls(front, cluster);
        assertThat(upstream.getCommonTlsContext().getTlsCertificates(0).getCertificateChain().getFilename())
                .isEqualTo("/certs/front_cert_chain.pem");
        assertThat(sans(upstream)).containsExactly("DNS:color-blue.howto.svc.cluster.local",
                "DNS:color-red.howto.svc.cluster.local", "DNS:color-green.howto.svc.cluster.local");
    }

    @Test
    void mtlsSdsBased() throws IOException {
        EnvoyResources appserver = GoldenCases.translate("mtls-sds-based", "yelb-appserver");
        Request request = Request.http(4567, "yelb-appserver:4567", "/").inbound();
        assertThat(RoutingOracle.route(appserver, request.overTls(null, true)).tls()).isTrue();
        assertThat(RoutingOracle.route(appserver, request.overTls(null, false)).outcome())
                .isEqualTo(Outcome.HANDSHAKE_FAILED);
        // its calls to the database and redis (TCP) are mutual TLS with SPIFFE identities from the SDS server
        String db = RoutingOracle.route(appserver, Request.tcp(5432)).only();
        UpstreamTlsContext upstream = RoutingOracle.upstreamTls(appserver, db);
        assertThat(upstream.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
                .isEqualTo("spiffe://am-multi-account-mesh/yelbapp");
        assertThat(upstream.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
                .getName()).isEqualTo("spiffe://am-multi-account-mesh");
        assertThat(sans(upstream)).containsExactly("URI:spiffe://am-multi-account-mesh/yelbdb",
                "URI:spiffe://am-multi-account-mesh/redis");

        EnvoyResources ui = GoldenCases.translate("mtls-sds-based", "yelb-ui");
        String cluster = RoutingOracle.route(ui, Request.http(4567, "yelb-appserver", "/")).only();
        assertThat(RoutingOracle.upstreamTls(ui, cluster).getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0)
                .getName()).isEqualTo("spiffe://am-multi-account-mesh/frontend");
    }

    @Test
    void certManagerNodesAndGateway() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("cert-manager-tls", "yelb-gw");
        Request request = Request.http(8443, "yelb.example.com", "/");
        RoutingOracle.GatewayAnswer secure = RoutingOracle.gateway(gw, request.overTls("yelb.example.com", false));
        assertThat(secure.ingress().tls()).isTrue();
        String ui = secure.egress().only();
        assertThat(ui).isEqualTo(egress("yelb", "yelb-ui-virtual-node", "http", 80));
        assertThat(RoutingOracle.upstreamTls(gw, ui).getCommonTlsContext().getValidationContext().getTrustedCa()
                .getFilename()).as("the gateway's backend defaults").isEqualTo("/etc/keys/yelb/ca.crt");
        assertThat(RoutingOracle.gateway(gw, request).ingress().outcome()).isEqualTo(Outcome.HANDSHAKE_FAILED);

        // A STRICT TCP listener: a TLS connection reaches the database, a plaintext one fails its handshake.
        EnvoyResources db = GoldenCases.translate("cert-manager-tls", "yelb-db");
        Answer tls = RoutingOracle.route(db, Request.tls(5432, null).inbound());
        assertThat(tls.tls()).isTrue();
        assertThat(tls.only()).isEqualTo("cds_ingress_yelb_yelb-db-virtual-node_tcp_5432");
        assertThat(RoutingOracle.route(db, Request.tcp(5432).inbound()).outcome()).isEqualTo(Outcome.HANDSHAKE_FAILED);
    }

    @Test
    void permissiveNodeAndGateway() throws IOException {
        EnvoyResources color = GoldenCases.translate("tls-permissive", "color");
        Request request = Request.http(8080, "color.howto.svc.cluster.local", "/").inbound();
        assertThat(RoutingOracle.route(color, request.overTls(null, true)).filterChain()).isEqualTo("ingress_8080_tls");
        assertThat(RoutingOracle.route(color, request).filterChain()).isEqualTo("ingress_8080");
        assertThat(RoutingOracle.route(color, request.overTls(null, false)).outcome())
                .as("mutual TLS on the TLS chain").isEqualTo(Outcome.HANDSHAKE_FAILED);
        Answer db = RoutingOracle.route(color, Request.tcp(5432).inbound());
        assertThat(db.filterChain()).as("the inspector stays off the server-first port").isEqualTo("ingress_5432");

        EnvoyResources front = GoldenCases.translate("tls-permissive", "front");
        String secure = RoutingOracle.route(front, Request.http(8080, "color.howto.svc.cluster.local", "/")).only();
        assertThat(RoutingOracle.upstreamTls(front, secure)).as("port 8080 is listed").isNotNull();
        assertThat(sans(RoutingOracle.upstreamTls(front, secure))).containsExactly("DNS:color.howto.svc.cluster.local");
        String tcp = RoutingOracle.route(front, Request.tcp(5432)).only();
        assertThat(tcp).isEqualTo(egress("howto-mesh", "color_howto", "tcp", 5432));
        assertThat(RoutingOracle.upstreamTls(front, tcp)).as("5432 is not in the policy's ports").isNull();
        String legacy = RoutingOracle.route(front, Request.http(9090, "legacy.howto.svc.cluster.local", "/")).only();
        assertThat(RoutingOracle.upstreamTls(front, legacy)).as("its own policy is not enforced").isNull();

        EnvoyResources gw = GoldenCases.gateway("tls-permissive", "ingress-gw");
        Request toGateway = Request.http(8443, "gw.example.com", "/color");
        RoutingOracle.GatewayAnswer viaTls = RoutingOracle.gateway(gw, toGateway.overTls("gw.example.com", false));
        assertThat(viaTls.ingress().filterChain()).isEqualTo("ingress_8443_tls");
        RoutingOracle.GatewayAnswer plain = RoutingOracle.gateway(gw, toGateway);
        assertThat(plain.ingress().filterChain()).isEqualTo("ingress_8443");
        assertThat(viaTls.egress().only()).isEqualTo(plain.egress().only())
                .isEqualTo(egress("howto-mesh", "color_howto", "http", 8080));
        UpstreamTlsContext upstream = RoutingOracle.upstreamTls(gw, plain.egress().only());
        assertThat(upstream.getCommonTlsContext().getValidationContextSdsSecretConfig().getName())
                .isEqualTo("spiffe://howto-mesh");
        assertThat(upstream.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
                .isEqualTo("spiffe://howto-mesh/ingress-gw");
    }

    @Test
    void subjectAlternativeNamesAreUrisWithASchemeElseDnsNames() {
        assertThat(TlsTranslator.san("spiffe://td/ns/a").getSanType()).isEqualTo(SubjectAltNameMatcher.SanType.URI);
        assertThat(TlsTranslator.san("a.b.svc.cluster.local").getSanType())
                .isEqualTo(SubjectAltNameMatcher.SanType.DNS);
        assertThat(TlsTranslator.san("*.example.com").getSanType()).isEqualTo(SubjectAltNameMatcher.SanType.DNS);
    }
}
