package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;

/** The cross-resource checker fails on what Envoy would refuse or serve broken. */
class ReferenceCheckerTest {

    @Test
    void aMissingClusterADuplicateDomainAZeroTotalAndAnOrphanRouteConfigurationFail() {
        RouteConfiguration routes = RouteConfiguration.newBuilder().setName("rds_egress_http_80")
                .addVirtualHosts(VirtualHost.newBuilder().setName("a").addDomains("a").addRoutes(Route.newBuilder()
                        .setName("r").setMatch(RouteMatch.newBuilder().setPrefix("/"))
                        .setRoute(RouteAction.newBuilder().setWeightedClusters(WeightedCluster.newBuilder()
                                .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("missing")
                                        .setWeight(UInt32Value.of(0)))))))
                .addVirtualHosts(VirtualHost.newBuilder().setName("b").addDomains("a"))
                .build();
        var violations = ReferenceChecker.violations(new EnvoyResources(List.of(), List.of(routes), List.of(), List.of()));
        assertThat(violations).contains("rds_egress_http_80/a/r: cluster missing not served",
                "rds_egress_http_80/a/r: weights sum to 0", "duplicate rds_egress_http_80 domain a",
                "route configuration rds_egress_http_80 used by no listener");
    }

    @Test
    void anApiListenersInlineRoutesAndRdsNameAreChecked() {
        VirtualHost host = VirtualHost.newBuilder().setName("a").addDomains("a").addRoutes(Route.newBuilder()
                .setName("r").setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(RouteAction.newBuilder().setCluster("missing"))).build();
        Listener inline = Proxyless.listener(80, host);
        Listener rds = Listener.newBuilder().setName("b:80").setApiListener(ApiListener.newBuilder()
                .setApiListener(Any.pack(HttpConnectionManager.newBuilder().setStatPrefix("egress")
                        .setRds(Rds.newBuilder().setRouteConfigName("unserved")).build())))
                .build();

        var violations = ReferenceChecker
                .violations(new EnvoyResources(List.of(inline, rds), List.of(), List.of(), List.of()));

        assertThat(violations).containsExactlyInAnyOrder("a:80/a/r: cluster missing not served",
                "b:80: route configuration unserved not served");
    }

    /** Found by grpc-xds: it drops localities without a weight, so a proxyless client saw no endpoint. */
    @Test
    void anEdsLocalityWithoutAWeightFails() {
        Cluster cluster = Cluster.newBuilder().setName("c").setType(Cluster.DiscoveryType.EDS)
                .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setServiceName("c")).build();
        ClusterLoadAssignment cla = ClusterLoadAssignment.newBuilder().setClusterName("c")
                .addEndpoints(LocalityLbEndpoints.getDefaultInstance()).build();

        var violations = ReferenceChecker
                .violations(new EnvoyResources(List.of(), List.of(), List.of(cluster), List.of(cla)));

        assertThat(violations).containsExactly("c: a locality without a load balancing weight");
    }
}
