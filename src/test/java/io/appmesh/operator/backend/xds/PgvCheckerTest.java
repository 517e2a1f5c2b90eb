package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/** The checker itself: valid resources pass, each broken one fails with the rule it breaks. */
class PgvCheckerTest {

    private final PgvChecker checker = new PgvChecker(EnvoyTypes.REGISTRY);

    @Test
    void aValidClusterPasses() {
        Cluster cluster = Cluster.newBuilder().setName("c").setType(Cluster.DiscoveryType.STATIC)
                .setConnectTimeout(Protos.duration(Duration.ofSeconds(1))).build();
        assertThat(checker.violations(cluster)).isEmpty();
    }

    @Test
    void aNegativeConnectTimeoutAndAnUndefinedEnumFail() {
        Cluster cluster = Cluster.newBuilder().setName("c").setTypeValue(42)
                .setConnectTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(-1)).build();
        assertThat(checker.violations(cluster)).anyMatch(v -> v.startsWith("Cluster.connect_timeout: duration gt"))
                .anyMatch(v -> v.startsWith("Cluster.type: enum defined_only"));
    }

    @Test
    void aMissingRequiredOneofAndEmptyDomainsFail() {
        RouteConfiguration routes = RouteConfiguration.newBuilder().setName("r")
                .addVirtualHosts(VirtualHost.newBuilder().setName("vh")
                        .addRoutes(io.envoyproxy.envoy.config.route.v3.Route.newBuilder()
                                .setMatch(io.envoyproxy.envoy.config.route.v3.RouteMatch.getDefaultInstance())))
                .build();
        assertThat(checker.violations(routes)).contains("RouteConfiguration.virtual_hosts[0].domains: min_items 1",
                "RouteConfiguration.virtual_hosts[0].routes[0].match.path_specifier: oneof required");
    }

    @Test
    void rulesInsideAnAnyTypedConfigAreChecked() {
        HttpConnectionManager hcm = HttpConnectionManager.newBuilder().setStatPrefix("")
                .setRouteConfig(RouteConfiguration.newBuilder().addVirtualHosts(VirtualHost.newBuilder().setName("v")
                        .addDomains("*").addRoutes(io.envoyproxy.envoy.config.route.v3.Route.newBuilder()
                                .setMatch(io.envoyproxy.envoy.config.route.v3.RouteMatch.newBuilder().setPrefix("/")
                                        .addHeaders(HeaderMatcher.newBuilder().setName("bad\nheader")
                                                .setStringMatch(StringMatcher.newBuilder().setExact("x"))))
                                .setDirectResponse(io.envoyproxy.envoy.config.route.v3.DirectResponseAction
                                        .newBuilder().setStatus(200)))))
                .build();
        TcpProxy zeroWeight = TcpProxy.newBuilder().setStatPrefix("t")
                .setWeightedClusters(TcpProxy.WeightedCluster.newBuilder()
                        .addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName("a").setWeight(0)))
                .build();
        Listener listener = Listener.newBuilder().setName("l")
                .addFilterChains(FilterChain.newBuilder()
                        .addFilters(Filter.newBuilder().setName("hcm").setTypedConfig(Any.pack(hcm)))
                        .addFilters(Filter.newBuilder().setName("tcp").setTypedConfig(Any.pack(zeroWeight))))
                .build();
        assertThat(checker.violations(listener))
                .anyMatch(v -> v.contains("<HttpConnectionManager>.stat_prefix: min_len 1"))
                .anyMatch(v -> v.contains("headers[0].name: well_known_regex HTTP_HEADER_NAME"))
                .anyMatch(v -> v.contains("<TcpProxy>.weighted_clusters.clusters[0].weight: gte 1"));
    }

    @Test
    void anAnyOfAnUnknownTypeFails() {
        Listener listener = Listener.newBuilder().setName("l").addFilterChains(FilterChain.newBuilder().addFilters(
                Filter.newBuilder().setName("x").setTypedConfig(Any.pack(Cluster.getDefaultInstance())))).build();
        assertThat(checker.violations(listener)).anyMatch(v -> v.contains("unknown to the checker"));
    }
}
