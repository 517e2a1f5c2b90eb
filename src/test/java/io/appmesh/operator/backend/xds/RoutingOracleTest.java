package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;

import io.appmesh.operator.backend.xds.RoutingOracle.Answer;
import io.appmesh.operator.backend.xds.RoutingOracle.Outcome;
import io.appmesh.operator.backend.xds.RoutingOracle.Request;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.Int64Range;

/**
 * The routing oracle's matching rules on hand-built resources, then the walkthroughs' stated behaviours on what the
 * translator gives each golden case's nodes.
 */
class RoutingOracleTest {

    // ---- matching rules on hand-built resources

    private static Route route(RouteMatch.Builder match, String cluster) {
        return Route.newBuilder().setName(cluster).setMatch(match).setRoute(RouteAction.newBuilder().setCluster(cluster))
                .build();
    }

    private static RouteMatch.Builder prefix(String prefix) {
        return RouteMatch.newBuilder().setPrefix(prefix);
    }

    private static VirtualHost vhost(String name, List<String> domains, Route... routes) {
        return VirtualHost.newBuilder().setName(name).addAllDomains(domains).addAllRoutes(List.of(routes)).build();
    }

    private static FilterChain.Builder chain(String name, Any config) {
        return FilterChain.newBuilder().setName(name)
                .addFilters(Filter.newBuilder().setName("f").setTypedConfig(config));
    }

    /** An outbound listener with an HTTP chain on port 80 (RDS "routes"), plus the given chains. */
    private static EnvoyResources resources(List<VirtualHost> vhosts, FilterChain... more) {
        Any hcm = Any.pack(HttpConnectionManager.newBuilder().setStatPrefix("t")
                .setRds(Rds.newBuilder().setRouteConfigName("routes")).build());
        Listener listener = Listener.newBuilder().setName("out").setTrafficDirection(TrafficDirection.OUTBOUND)
                .addListenerFilters(TlsTranslator.inspector(List.of())) // server names are seen through it
                .addFilterChains(chain("http_80", hcm)
                        .setFilterChainMatch(FilterChainMatch.newBuilder().setDestinationPort(UInt32Value.of(80))))
                .addAllFilterChains(List.of(more)).build();
        RouteConfiguration config = RouteConfiguration.newBuilder().setName("routes").addAllVirtualHosts(vhosts).build();
        return new EnvoyResources(List.of(listener), List.of(config), List.of(), List.of());
    }

    private static Answer get(EnvoyResources r, String authority, String path) {
        return RoutingOracle.route(r, Request.http(80, authority, path));
    }

    @Test
    void domainPrecedence() {
        Route any = route(prefix("/"), "c");
        EnvoyResources r = resources(List.of(vhost("star", List.of("*"), any),
                vhost("prefix", List.of("a.*"), any), vhost("suffix", List.of("*.example.com"), any),
                vhost("longer-suffix", List.of("*.b.example.com"), any),
                vhost("exact", List.of("a.example.com", "svc", "svc:80"), any)));
        assertThat(get(r, "a.example.com", "/").virtualHost()).isEqualTo("exact");
        assertThat(get(r, "A.Example.COM", "/").virtualHost()).as("case-insensitive").isEqualTo("exact");
        assertThat(get(r, "x.b.example.com", "/").virtualHost()).isEqualTo("longer-suffix");
        assertThat(get(r, "x.example.com", "/").virtualHost()).isEqualTo("suffix");
        assertThat(get(r, "example.com", "/").virtualHost()).as("a wildcard matches one character at least")
                .isEqualTo("star");
        assertThat(get(r, "a.other", "/").virtualHost()).isEqualTo("prefix");
        assertThat(get(r, "svc:80", "/").virtualHost()).isEqualTo("exact");
        assertThat(get(r, "a.example.com:80", "/").virtualHost()).as("the port is part of the host")
                .isEqualTo("prefix");
        assertThat(get(r, "elsewhere", "/").virtualHost()).isEqualTo("star");
    }

    @Test
    void firstMatchingRouteWins() {
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"), route(prefix("/api"), "api"),
                route(prefix("/"), "root"), route(RouteMatch.newBuilder().setPath("/api/x"), "shadowed"))));
        assertThat(get(r, "h", "/api/x").cluster()).isEqualTo("api");
        assertThat(get(r, "h", "/apix").cluster()).as("a prefix is not segment-aware").isEqualTo("api");
        assertThat(get(r, "h", "/other").cluster()).isEqualTo("root");
        assertThat(get(r, "h", "/API").cluster()).as("case-sensitive").isEqualTo("root");
    }

    @Test
    void exactPathAndRegexIgnoreTheQuery() {
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"),
                route(RouteMatch.newBuilder().setPath("/healthz"), "exact"), route(RouteMatch.newBuilder()
                        .setSafeRegex(RegexMatcher.newBuilder().setRegex("/items/[0-9]+")), "regex"))));
        assertThat(get(r, "h", "/healthz?x=1").cluster()).isEqualTo("exact");
        assertThat(get(r, "h", "/healthz/").outcome()).isEqualTo(Outcome.NO_ROUTE);
        assertThat(get(r, "h", "/items/12?q").cluster()).isEqualTo("regex");
        assertThat(get(r, "h", "/items/12/x").outcome()).as("the regex must match the whole path")
                .isEqualTo(Outcome.NO_ROUTE);
    }

    private static HeaderMatcher.Builder header(String name) {
        return HeaderMatcher.newBuilder().setName(name);
    }

    private static boolean headerMatches(HeaderMatcher.Builder m, Map<String, String> headers) {
        return RoutingOracle.matches(m.build(), headers);
    }

    @Test
    void headerMatchers() {
        HeaderMatcher.Builder notE = header("x").setStringMatch(StringMatcher.newBuilder().setExact("e"))
                .setInvertMatch(true);
        assertThat(headerMatches(notE, Map.of("x", "f"))).isTrue();
        assertThat(headerMatches(notE, Map.of("x", "e"))).isFalse();
        assertThat(headerMatches(notE, Map.of())).as("a missing header fails an inverted string match").isFalse();
        assertThat(headerMatches(notE.setTreatMissingHeaderAsEmpty(true), Map.of())).isTrue();

        HeaderMatcher.Builder present = header("x").setPresentMatch(true);
        assertThat(headerMatches(present, Map.of("x", ""))).isTrue();
        assertThat(headerMatches(present, Map.of())).isFalse();
        assertThat(headerMatches(present.setInvertMatch(true), Map.of())).isTrue();
        assertThat(headerMatches(header("x").setPresentMatch(false), Map.of())).as("present_match false: absent")
                .isTrue();

        HeaderMatcher.Builder regex = header("x")
                .setStringMatch(StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("d+")));
        assertThat(headerMatches(regex, Map.of("x", "ddd"))).isTrue();
        assertThat(headerMatches(regex, Map.of("x", "add"))).as("full match").isFalse();

        HeaderMatcher.Builder range = header("x").setRangeMatch(Int64Range.newBuilder().setStart(1).setEnd(10));
        assertThat(headerMatches(range, Map.of("x", "1"))).isTrue();
        assertThat(headerMatches(range, Map.of("x", "10"))).as("end exclusive").isFalse();
        assertThat(headerMatches(range, Map.of("x", "x"))).isFalse();

        assertThat(headerMatches(header("X-Up").setStringMatch(StringMatcher.newBuilder().setSuffix("c")),
                Map.of("x-up", "abc"))).as("header names are case-insensitive").isTrue();
    }

    @Test
    void methodAndQueryParameters() {
        RouteMatch.Builder match = prefix("/")
                .addHeaders(header(":method").setStringMatch(StringMatcher.newBuilder().setExact("POST")))
                .addQueryParameters(QueryParameterMatcher.newBuilder().setName("v")
                        .setStringMatch(StringMatcher.newBuilder().setExact("2")))
                .addQueryParameters(QueryParameterMatcher.newBuilder().setName("debug").setPresentMatch(true));
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"), route(match, "m"))));
        assertThat(RoutingOracle.route(r, Request.http(80, "h", "/?v=2&debug").method("POST")).cluster())
                .isEqualTo("m");
        assertThat(RoutingOracle.route(r, Request.http(80, "h", "/?v=2&debug")).outcome()).isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.route(r, Request.http(80, "h", "/?v=2").method("POST")).outcome())
                .isEqualTo(Outcome.NO_ROUTE);
    }

    @Test
    void grpcMatchNeedsGrpcContentType() {
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"),
                route(RouteMatch.newBuilder().setPath("/pkg.Svc/Get")
                        .setGrpc(RouteMatch.GrpcRouteMatchOptions.getDefaultInstance()), "g"))));
        assertThat(RoutingOracle.route(r, Request.grpc(80, "h", "pkg.Svc", "Get")).cluster()).isEqualTo("g");
        assertThat(get(r, "h", "/pkg.Svc/Get").outcome()).isEqualTo(Outcome.NO_ROUTE);
    }

    @Test
    void weightedClustersTimeoutAndRetryDefaults() {
        Route weighted = Route.newBuilder().setMatch(prefix("/"))
                .setRoute(RouteAction.newBuilder().setWeightedClusters(WeightedCluster.newBuilder()
                        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("a").setWeight(UInt32Value.of(3)))
                        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("b").setWeight(UInt32Value.of(0)))
                        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("c").setWeight(UInt32Value.of(1))))
                        .setRetryPolicy(RetryPolicy.newBuilder().setRetryOn("5xx")))
                .build();
        Answer a = get(resources(List.of(vhost("h", List.of("*"), weighted))), "h", "/");
        assertThat(a.cluster()).isNull();
        assertThat(a.weights()).containsExactly(Map.entry("a", 3), Map.entry("b", 0), Map.entry("c", 1));
        assertThat(a.receivers()).containsExactly("a", "c");
        assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(a.retry()).isEqualTo(new RoutingOracle.Retry("5xx", 1, null, List.of()));

        VirtualHost withVhostRetry = vhost("h", List.of("*"), route(prefix("/"), "x")).toBuilder()
                .setRetryPolicy(RetryPolicy.newBuilder().setRetryOn("reset").setNumRetries(UInt32Value.of(4))).build();
        assertThat(get(resources(List.of(withVhostRetry)), "h", "/").retry().numRetries()).isEqualTo(4);
    }

    @Test
    void noRoute() {
        EnvoyResources r = resources(List.of(vhost("h", List.of("h"), route(prefix("/a"), "a"))));
        Answer noHost = get(r, "other", "/a");
        assertThat(noHost.outcome()).isEqualTo(Outcome.NO_ROUTE);
        assertThat(noHost.virtualHost()).isNull();
        Answer noRoute = get(r, "h", "/b");
        assertThat(noRoute.outcome()).isEqualTo(Outcome.NO_ROUTE);
        assertThat(noRoute.virtualHost()).isEqualTo("h");
    }

    @Test
    void filterChains() {
        Any tcp = Any.pack(TcpProxy.newBuilder().setStatPrefix("t").setCluster("aws").build());
        FilterChain tls = chain("tls", tcp).setFilterChainMatch(
                FilterChainMatch.newBuilder().addServerNames("*.amazonaws.com").setTransportProtocol("tls")).build();
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"), route(prefix("/"), "x"))), tls);
        assertThat(RoutingOracle.route(r, Request.tls(443, "s3.amazonaws.com")).filterChain()).isEqualTo("tls");
        assertThat(RoutingOracle.route(r, Request.tls(443, "example.com")).outcome())
                .isEqualTo(Outcome.NO_FILTER_CHAIN);
        assertThat(RoutingOracle.route(r, Request.tcp(443)).outcome()).isEqualTo(Outcome.NO_FILTER_CHAIN);
        Answer port80 = RoutingOracle.route(r, Request.tls(80, "s3.amazonaws.com"));
        assertThat(port80.filterChain()).as("the port level excludes the less specific chains").isEqualTo("http_80");
        assertThat(port80.outcome()).as("TLS into plaintext HTTP").isEqualTo(Outcome.CODEC_ERROR);
        Listener blind = r.listeners().get(0).toBuilder().clearListenerFilters().build();
        assertThat(RoutingOracle.route(new EnvoyResources(List.of(blind), r.routes(), List.of(), List.of()),
                Request.tls(443, "s3.amazonaws.com")).outcome()).as("no TLS inspector, no server name")
                .isEqualTo(Outcome.NO_FILTER_CHAIN);

        Listener withDefault = r.listeners().get(0).toBuilder()
                .setDefaultFilterChain(chain("default", tcp)).build();
        EnvoyResources d = new EnvoyResources(List.of(withDefault), r.routes(), List.of(), List.of());
        Answer a = RoutingOracle.route(d, Request.tcp(443));
        assertThat(a.filterChain()).isEqualTo("default");
        assertThat(a.only()).isEqualTo("aws");
    }

    @Test
    void mergeSlashesBeforeMatching() {
        Any hcm = Any.pack(HttpConnectionManager.newBuilder().setStatPrefix("t").setMergeSlashes(true)
                .setRds(Rds.newBuilder().setRouteConfigName("routes")).build());
        EnvoyResources r = resources(List.of(vhost("h", List.of("*"),
                route(RouteMatch.newBuilder().setPath("/a/b").setCaseSensitive(BoolValue.of(false)), "ab"))));
        Listener l = Listener.newBuilder().setName("out").setTrafficDirection(TrafficDirection.OUTBOUND)
                .addFilterChains(chain("c", hcm)).build();
        EnvoyResources merged = new EnvoyResources(List.of(l), r.routes(), List.of(), List.of());
        assertThat(RoutingOracle.route(merged, Request.http(80, "h", "//A//b")).cluster()).isEqualTo("ab");
        assertThat(get(r, "h", "//a//b").outcome()).isEqualTo(Outcome.NO_ROUTE);
    }

    // ---- the walkthroughs, through the translator

    private static final String COLOR = "color.howto.svc.cluster.local";

    private static String egress(String mesh, String node, String proto, int port) {
        return "cds_egress_" + mesh + "_" + node + "_" + proto + "_" + port;
    }

    @Test
    void httpHeaders() throws IOException {
        EnvoyResources front = GoldenCases.translate("http-headers", "front");
        Request color = Request.http(8080, COLOR, "/");
        assertThat(RoutingOracle.route(front, color.header("color_header", "blue")).only())
                .isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, color.header("color_header", "light-green-ish")).only())
                .as("regex .*green.*").isEqualTo(egress("howto-mesh", "green_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, color.header("color_header", "bluegreen")).only())
                .as("exact blue fails, the green regex is next").isEqualTo(egress("howto-mesh", "green_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, color.header("Color_Header", "redish")).only())
                .as("prefix red").isEqualTo(egress("howto-mesh", "red_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, color.header("color_header", "purple")).only())
                .as("any other value: present").isEqualTo(egress("howto-mesh", "yellow_howto", "http", 8080));
        Answer none = RoutingOracle.route(front, color);
        assertThat(none.route()).isEqualTo("color-route-white");
        assertThat(none.only()).isEqualTo(egress("howto-mesh", "white_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, Request.http(8080, COLOR + ":8080", "/x")).only())
                .isEqualTo(egress("howto-mesh", "white_howto", "http", 8080));
        assertThat(RoutingOracle.route(front, Request.http(8080, "color", "/")).outcome())
                .as("only the service's awsName is a domain").isEqualTo(Outcome.NO_ROUTE);

        Answer in = RoutingOracle.route(GoldenCases.translate("http-headers", "blue"), color.inbound());
        assertThat(in.only()).isEqualTo("cds_ingress_howto-mesh_blue_howto_http_8080");
        assertThat(RoutingOracle.route(GoldenCases.translate("http-headers", "blue"), color).outcome())
                .as("blue has no backends").isEqualTo(Outcome.NO_FILTER_CHAIN);
    }

    @Test
    void retryPolicy() throws IOException {
        Answer a = RoutingOracle.route(GoldenCases.translate("retry-policy", "front"),
                Request.http(8080, COLOR, "/"));
        assertThat(a.only()).isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        assertThat(a.retry().numRetries()).isEqualTo(4);
        assertThat(a.retry().perTryTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.retry().retryOn().split(",")).contains("connect-failure", "retriable-status-codes");
        assertThat(a.retry().retriableStatusCodes()).as("server-error").containsAll(List.of(500, 503, 511))
                .doesNotContain(409);
    }

    @Test
    void timeoutPolicy() throws IOException {
        EnvoyResources front = GoldenCases.translate("timeout-policy", "front");
        Answer a = RoutingOracle.route(front, Request.http(8080, "colorapp.howto.pvt.aws.local", "/"));
        assertThat(a.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(a.weights()).containsExactly(Map.entry(egress("howto-mesh", "colorapp-red_howto", "http", 8080), 1),
                Map.entry(egress("howto-mesh", "colorapp-blue_howto", "http", 8080), 1));
        Answer in = RoutingOracle.route(front, Request.http(8080, "front.howto.pvt.aws.local", "/color").inbound());
        assertThat(in.timeout()).as("the listener's perRequest on ingress").isEqualTo(Duration.ofSeconds(60));
        Answer blueIn = RoutingOracle.route(GoldenCases.translate("timeout-policy", "colorapp-blue"),
                Request.http(8080, "colorapp.howto.pvt.aws.local", "/").inbound());
        assertThat(blueIn.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void http2WeightedSplit() throws IOException {
        Answer a = RoutingOracle.route(GoldenCases.translate("http2", "client"), Request.http(8080, COLOR, "/"));
        assertThat(a.weights()).containsExactly(Map.entry(egress("howto-mesh", "red_howto", "http2", 8080), 1),
                Map.entry(egress("howto-mesh", "blue_howto", "http2", 8080), 1),
                Map.entry(egress("howto-mesh", "green_howto", "http2", 8080), 1));
    }

    @Test
    void grpcMethod() throws IOException {
        EnvoyResources client = GoldenCases.translate("grpc", "client");
        assertThat(RoutingOracle.route(client, Request.grpc(8080, COLOR, "color.ColorService", "GetColor")).only())
                .isEqualTo(egress("howto-mesh", "server_howto", "grpc", 8080));
        assertThat(RoutingOracle.route(client, Request.grpc(8080, COLOR, "color.ColorService", "SetColor")).outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.route(client, Request.http(8080, COLOR, "/color.ColorService/GetColor")).outcome())
                .as("not a gRPC request").isEqualTo(Outcome.NO_ROUTE);
    }

    @Test
    void egressDropAllAndAllowAll() throws IOException {
        String external = "blue.mesh-external.svc.cluster.local";
        EnvoyResources drop = GoldenCases.translate("egress", "front");
        assertThat(RoutingOracle.route(drop, Request.http(8080, external, "/")).only())
                .isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        assertThat(RoutingOracle.route(drop, Request.http(8080, "www.example.com", "/")).outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.route(drop, Request.tcp(443)).outcome()).isEqualTo(Outcome.NO_FILTER_CHAIN);
        assertThat(RoutingOracle.route(drop, Request.tls(443, "github.com")).outcome())
                .isEqualTo(Outcome.NO_FILTER_CHAIN);
        assertThat(RoutingOracle.route(drop, Request.tls(443, "s3.us-west-2.amazonaws.com")).only())
                .isEqualTo("cds_egress_howto-mesh_amazonaws");

        EnvoyResources allow = GoldenCases.translate("egress-allow-all", "front");
        assertThat(RoutingOracle.route(allow, Request.http(8080, external, "/")).only())
                .isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        Answer other = RoutingOracle.route(allow, Request.http(8080, "www.example.com", "/"));
        assertThat(other.virtualHost()).isEqualTo("mesh-allow-all");
        assertThat(other.only()).isEqualTo("cds_egress_howto-mesh_mesh-allow-all");
        Answer tls = RoutingOracle.route(allow, Request.tls(443, "github.com"));
        assertThat(tls.filterChain()).isEqualTo("egress_mesh-allow-all");
        assertThat(tls.only()).isEqualTo("cds_egress_howto-mesh_mesh-allow-all");
        assertThat(RoutingOracle.route(allow, Request.tls(443, "sqs.amazonaws.com")).only())
                .isEqualTo("cds_egress_howto-mesh_amazonaws");
    }

    @Test
    void backendGroups() throws IOException {
        EnvoyResources client = GoldenCases.translate("backend-groups", "client");
        assertThat(RoutingOracle.route(client, Request.http(8080, "orders.front.svc.cluster.local", "/")).only())
                .isEqualTo(egress("groups", "orders_front", "http", 8080));
        assertThat(RoutingOracle.route(client, Request.http(8080, "stock.back.svc.cluster.local", "/")).only())
                .as("group * in namespace back").isEqualTo(egress("groups", "stock_back", "http", 8080));
        assertThat(RoutingOracle.route(client, Request.http(9000, "billing.back.svc.cluster.local", "/")).only())
                .isEqualTo(egress("groups", "billing_back", "http2", 9000));
        assertThat(RoutingOracle.route(client, Request.http(8080, "billing.back.svc.cluster.local", "/")).outcome())
                .as("billing listens on 9000 only").isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.route(client, Request.http(8080, "cart.front.svc.cluster.local", "/")).outcome())
                .as("cart has no provider").isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.route(GoldenCases.translate("backend-groups", "orders"),
                Request.http(8080, "stock.back.svc.cluster.local", "/")).outcome())
                .as("orders declares no backends").isEqualTo(Outcome.NO_FILTER_CHAIN);
    }

    @Test
    void routeMatchesPriorityOrder() throws IOException {
        EnvoyResources client = GoldenCases.translate("route-matches", "client");
        String api = "api.apps.svc.cluster.local";
        String v1 = egress("routes", "v1_apps", "http", 8080);
        String v2 = egress("routes", "v2_apps", "http", 8080);
        String v3 = egress("routes", "v3_apps", "http", 8080);

        Answer health = RoutingOracle.route(client, Request.http(8080, api, "/healthz").header(":scheme", "https"));
        assertThat(health.route()).as("priority 1 before the priority 1000 fallback").isEqualTo("exact-path");
        assertThat(health.only()).isEqualTo(v1);
        assertThat(health.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RoutingOracle.route(client, Request.http(8080, api, "/healthz")).route()).as("scheme http")
                .isEqualTo("fallback");
        assertThat(RoutingOracle.route(client, Request.http(8080, api, "/healthz").header(":scheme", "https")
                .method("POST")).route()).isEqualTo("fallback");

        assertThat(RoutingOracle.route(client, Request.http(8080, api, "/items/42?version=2&debug")).only())
                .isEqualTo(v2);
        assertThat(RoutingOracle.route(client, Request.http(8080, api, "/items/42?version=2")).route())
                .isEqualTo("fallback");
        assertThat(RoutingOracle.route(client, Request.http(8080, api, "/items/4x?version=2&debug")).route())
                .isEqualTo("fallback");

        Request h = Request.http(8080, api, "/h").header("x-exact", "a").header("x-prefix", "bx")
                .header("x-suffix", "xc").header("x-regex", "dd").header("x-range", "9").header("x-present", "")
                .header("x-not", "f");
        assertThat(RoutingOracle.route(client, h).only()).isEqualTo(v3);
        assertThat(RoutingOracle.route(client, h.header("x-not", "e")).route()).isEqualTo("fallback");
        assertThat(RoutingOracle.route(client, h.header("x-range", "10")).route()).isEqualTo("fallback");
        assertThat(RoutingOracle.route(client, h.header("x-regex", "dx")).route()).isEqualTo("fallback");

        Answer fallback = RoutingOracle.route(client, Request.http(8080, api, "/anything"));
        assertThat(fallback.weights()).containsExactly(Map.entry(v1, 90), Map.entry(v2, 10), Map.entry(v3, 0));
        assertThat(fallback.receivers()).containsExactly(v1, v2);
        assertThat(fallback.timeout()).isEqualTo(Duration.ofSeconds(15));

        // grpc: "any" has priority 5, "by-service" none, so "any" comes first (routes without priority go last)
        Request echo = Request.grpc(9090, "rpc.apps.svc.cluster.local", "demo.Echo", "Ping").header("tenant", "blue");
        Answer rpc = RoutingOracle.route(client, echo);
        assertThat(rpc.route()).isEqualTo("any");
        assertThat(rpc.only()).isEqualTo(egress("routes", "rpc_apps", "grpc", 9090));
        assertThat(RoutingOracle.route(client, Request.http(9090, "rpc.apps.svc.cluster.local", "/demo.Echo/Ping"))
                .outcome()).as("not gRPC").isEqualTo(Outcome.NO_ROUTE);
    }

    @Test
    void tcpWeightedTargets() throws IOException {
        EnvoyResources app = GoldenCases.translate("tcp-and-dns", "app");
        Answer db = RoutingOracle.route(app, Request.tcp(5432));
        assertThat(db.filterChain()).isEqualTo("egress_5432");
        assertThat(db.weights()).as("the zero-weight standby is left out").containsExactly(
                Map.entry(egress("tcp", "primary_data", "tcp", 5432), 2),
                Map.entry(egress("tcp", "replica_data", "tcp", 5432), 1));
        assertThat(RoutingOracle.route(app, Request.http(80, "web.example.com", "/")).only())
                .isEqualTo(egress("tcp", "web_data", "http", 80));
        assertThat(RoutingOracle.route(app, Request.tcp(5433)).outcome()).isEqualTo(Outcome.NO_FILTER_CHAIN);
    }

    @Test
    void cloudMapAttributes() throws IOException {
        // The walkthrough: front calls colorapp, split 1:1 over the red and blue nodes, which share the Cloud Map
        // service colorapp and are told apart by their color attribute — each cluster gets only its color's pods.
        EnvoyResources front = GoldenCases.translate("cloudmap", "front");
        Answer a = RoutingOracle.route(front, Request.http(8080, "colorapp.howto.svc.cluster.local", "/"));
        String red = egress("howto-mesh", "colorapp-red_howto", "http", 8080);
        String blue = egress("howto-mesh", "colorapp-blue_howto", "http", 8080);
        assertThat(a.weights()).containsExactly(Map.entry(red, 1), Map.entry(blue, 1));
        assertThat(endpointIps(front, blue)).containsExactly("10.0.2.1", "10.0.2.2");
        assertThat(endpointIps(front, red)).containsExactly("10.0.3.1");
    }

    @Test
    void envoyLoggingCustomFormat() throws IOException {
        EnvoyResources front = GoldenCases.translate("envoy-logging", "front");
        String ns = "howto-k8s-envoy-logging-custom-format";
        assertThat(RoutingOracle.route(front, Request.http(8080, "color." + ns + ".svc.cluster.local", "/")).only())
                .isEqualTo(egress(ns, "blue_" + ns, "http", 8080));
    }

    /** howto-k8s-http-ingress-v2: each GatewayRoute of the walkthrough, through the gateway's two hops. */
    @Test
    void gatewayHttpIngress() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("gateway-http-ingress", "ingress-gw");
        String ns = "howto";
        String anyHost = "gateway.example.com";
        String paths = "color-paths.howto.svc.cluster.local";

        // prefix /paths → color-paths, the matched prefix rewritten to / (//red, merged to /red on the egress hop)
        RoutingOracle.GatewayAnswer red = RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/paths/red"));
        assertThat(red.ingress().route()).isEqualTo("prefix-match_howto");
        assertThat(red.ingress().cluster()).isEqualTo("cds_ingress_howto-mesh_ingress-gw_howto_self_redirect_http_15001");
        assertThat(red.forwarded().authority()).isEqualTo(paths);
        assertThat(red.forwarded().path()).isEqualTo("//red");
        assertThat(red.egress().only()).isEqualTo(egress("howto-mesh", "red_" + ns, "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/paths/blue")).egress().only())
                .isEqualTo(egress("howto-mesh", "blue_" + ns, "http", 8080));
        // exact path /paths/green (priority 0) beats the /paths prefix
        RoutingOracle.GatewayAnswer green = RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/paths/green"));
        assertThat(green.ingress().route()).isEqualTo("path-match_howto");
        assertThat(green.egress().only()).isEqualTo(egress("howto-mesh", "green_" + ns, "http", 8080));
        // header color_header: yellow → color-yellow
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/").header("color_header", "yellow"))
                .egress().only()).isEqualTo(egress("howto-mesh", "yellow_" + ns, "http", 8080));
        // query color_type=white under /query → color-white
        RoutingOracle.GatewayAnswer query = RoutingOracle.gateway(gw,
                Request.http(8088, anyHost, "/query?color_type=white"));
        assertThat(query.ingress().route()).isEqualTo("query-match_howto");
        assertThat(query.egress().only()).isEqualTo(egress("howto-mesh", "white_" + ns, "http", 8080));
        // path rewrite: /rewrite/path/blue becomes /blue on color-paths
        RoutingOracle.GatewayAnswer rewritten = RoutingOracle.gateway(gw,
                Request.http(8088, anyHost, "/rewrite/path/blue"));
        assertThat(rewritten.forwarded().path()).isEqualTo("/blue");
        assertThat(rewritten.egress().only()).isEqualTo(egress("howto-mesh", "blue_" + ns, "http", 8080));
        // prefix rewrite: /test/ becomes /red/ on color-paths
        RoutingOracle.GatewayAnswer prefixed = RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/test/"));
        assertThat(prefixed.forwarded().path()).isEqualTo("/red/");
        assertThat(prefixed.egress().only()).isEqualTo(egress("howto-mesh", "red_" + ns, "http", 8080));
        // any other GET → color-white (method match); a POST matches no route
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/")).egress().only())
                .isEqualTo(egress("howto-mesh", "white_" + ns, "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, anyHost, "/").method("POST")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
    }

    /** howto-k8s-ingress-gateway: /paths/<color> and /headers with color_header through the gateway. */
    @Test
    void gatewayIngress() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("gateway-ingress", "ingress-gw");
        String host = "gateway.example.com";
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, host, "/paths/red")).egress().only())
                .isEqualTo(egress("howto-mesh", "red_howto", "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, host, "/paths/yellow")).egress().only())
                .isEqualTo(egress("howto-mesh", "yellow_howto", "http", 8080));
        RoutingOracle.GatewayAnswer blue = RoutingOracle.gateway(gw,
                Request.http(8088, host, "/headers").header("color_header", "blue"));
        assertThat(blue.forwarded().authority()).isEqualTo("color-headers.howto.svc.cluster.local");
        assertThat(blue.egress().only()).isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, host, "/headers").header("color_header", "redish"))
                .egress().only()).isEqualTo(egress("howto-mesh", "red_howto", "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, host, "/headers")).egress().only())
                .isEqualTo(egress("howto-mesh", "white_howto", "http", 8080));
        // nothing listens on another port; an unmatched path gets 404 from the first hop
        assertThatThrownBy(() -> RoutingOracle.gateway(gw, Request.http(9090, host, "/paths/red")))
                .isInstanceOf(AssertionError.class);
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, host, "/other")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
    }

    /** howto-k8s-connection-pools' gateway: /paths/<color> through a self-redirect cluster carrying the pool. */
    @Test
    void gatewayConnectionPools() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("connection-pools", "ingress-gw");
        RoutingOracle.GatewayAnswer red = RoutingOracle.gateway(gw, Request.http(8088, "gw.example.com", "/paths/red"));
        assertThat(red.ingress().cluster()).isEqualTo("cds_ingress_howto-mesh_ingress-gw_howto_self_redirect_http_15001");
        assertThat(red.forwarded().authority()).isEqualTo("color-paths.howto.svc.cluster.local");
        assertThat(red.egress().only()).isEqualTo(egress("howto-mesh", "red_howto", "http", 8080));
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, "gw.example.com", "/paths/green")).egress().only())
                .isEqualTo(egress("howto-mesh", "green_howto", "http", 8080));
        // color-paths has no route for /blue: the second hop answers 404
        assertThat(RoutingOracle.gateway(gw, Request.http(8088, "gw.example.com", "/paths/blue")).egress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        var thresholds = gw.clusters().stream().filter(c -> c.getName().equals(red.ingress().cluster())).findFirst()
                .orElseThrow().getCircuitBreakers().getThresholds(0);
        assertThat(thresholds.getMaxConnections().getValue()).isEqualTo(5);
        assertThat(thresholds.getMaxPendingRequests().getValue()).isEqualTo(5);
        // the gateway's own pod (10.0.3.1) is an endpoint of nothing
        assertThat(gw.endpoints().toString()).doesNotContain("10.0.3.1");
    }

    /** Two gateway listeners: routes limited to one port, one route on both, each port's requests on its own target. */
    @Test
    void gatewayMultipleListeners() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("gateway-multi-listener", "ingress-gw");
        String color = "color.howto.svc.cluster.local";
        RoutingOracle.GatewayAnswer on8080 = RoutingOracle.gateway(gw, Request.http(8080, "gw.example.com", "/color/x"));
        assertThat(on8080.ingress().route()).isEqualTo("color-8080_howto");
        assertThat(on8080.ingress().cluster())
                .isEqualTo("cds_ingress_howto-mesh_ingress-gw_howto_self_redirect_8080_http_15001");
        assertThat(on8080.forwarded().authority()).isEqualTo(color);
        assertThat(on8080.egress().only()).isEqualTo(egress("howto-mesh", "red_howto", "http", 8080));
        RoutingOracle.GatewayAnswer on8090 = RoutingOracle.gateway(gw, Request.http(8090, "gw.example.com", "/color/x"));
        assertThat(on8090.ingress().route()).isEqualTo("color-8090_howto");
        assertThat(on8090.ingress().cluster())
                .isEqualTo("cds_ingress_howto-mesh_ingress-gw_howto_self_redirect_8090_http_15001");
        assertThat(on8090.forwarded().authority()).isEqualTo(color + ":8090");
        assertThat(on8090.egress().only()).isEqualTo(egress("howto-mesh", "green_howto", "http", 8090));
        // a route without a port serves both listeners, towards its own target port; its prefix is kept
        for (int port : List.of(8080, 8090)) {
            RoutingOracle.GatewayAnswer blue = RoutingOracle.gateway(gw, Request.http(port, "gw.example.com", "/blue/x"));
            assertThat(blue.ingress().route()).isEqualTo("blue-any-port_howto");
            assertThat(blue.forwarded().path()).isEqualTo("/blue/x");
            assertThat(blue.egress().only()).isEqualTo(egress("howto-mesh", "blue_howto", "http", 8080));
        }
        assertThat(RoutingOracle.gateway(gw, Request.http(8090, "gw.example.com", "/other")).ingress().outcome())
                .isEqualTo(Outcome.NO_ROUTE);
        assertThatThrownBy(() -> RoutingOracle.gateway(gw, Request.http(8088, "gw.example.com", "/color/x")))
                .isInstanceOf(AssertionError.class);
    }

    /** A gRPC ingress: service name, metadata and hostname matches on the gateway, the method on the router. */
    @Test
    void gatewayGrpc() throws IOException {
        EnvoyResources gw = GoldenCases.gateway("gateway-grpc", "grpc-gw");
        String host = "gw.example.com";
        RoutingOracle.GatewayAnswer team = RoutingOracle.gateway(gw,
                Request.grpc(9080, host, "color.ColorService", "GetColor").header("tenant", "blue-team"));
        assertThat(team.ingress().route()).isEqualTo("blue-team_howto");
        assertThat(team.forwarded().authority()).isEqualTo("color-blue.howto.svc.cluster.local");
        assertThat(team.forwarded().path()).as("gRPC paths are never rewritten").isEqualTo("/color.ColorService/GetColor");
        assertThat(team.egress().only()).isEqualTo(egress("howto-mesh", "blue_howto", "grpc", 8080));
        RoutingOracle.GatewayAnswer anyone = RoutingOracle.gateway(gw,
                Request.grpc(9080, host, "color.ColorService", "GetColor").header("tenant", "red-team"));
        assertThat(anyone.ingress().route()).isEqualTo("color_howto");
        assertThat(anyone.ingress().cluster())
                .isEqualTo("cds_ingress_howto-mesh_grpc-gw_howto_self_redirect_grpc_15001");
        assertThat(anyone.egress().only()).isEqualTo(egress("howto-mesh", "green_howto", "grpc", 8080));
        // the router matches GetColor only: another method passes the gateway and gets 404 at the second hop
        assertThat(RoutingOracle.gateway(gw, Request.grpc(9080, host, "color.ColorService", "Other")).egress()
                .outcome()).isEqualTo(Outcome.NO_ROUTE);
        assertThat(RoutingOracle.gateway(gw, Request.grpc(9080, host, "other.Service", "GetColor")).ingress()
                .outcome()).isEqualTo(Outcome.NO_ROUTE);
        // the hostname route (priority 0) keeps the client's host and names its service in a header
        RoutingOracle.GatewayAnswer internal = RoutingOracle.gateway(gw,
                Request.grpc(9080, "api.Internal.example.com:9080", "other.Service", "Get"));
        assertThat(internal.ingress().route()).isEqualTo("internal-host_howto");
        assertThat(internal.forwarded().authority()).isEqualTo("api.Internal.example.com:9080");
        assertThat(internal.egress().virtualHost()).isEqualTo("default_backend");
        assertThat(internal.egress().only()).isEqualTo(egress("howto-mesh", "blue_howto", "grpc", 8080));
        // a plain HTTP request is no gRPC call
        assertThat(RoutingOracle.gateway(gw, Request.http(9080, host, "/color.ColorService/GetColor")).ingress()
                .outcome()).isEqualTo(Outcome.NO_ROUTE);
    }

    private static List<String> endpointIps(EnvoyResources resources, String cluster) {
        return resources.endpoints().stream().filter(e -> e.getClusterName().equals(cluster))
                .flatMap(e -> e.getEndpointsList().stream()).flatMap(l -> l.getLbEndpointsList().stream())
                .map(e -> e.getEndpoint().getAddress().getSocketAddress().getAddress()).toList();
    }
}
