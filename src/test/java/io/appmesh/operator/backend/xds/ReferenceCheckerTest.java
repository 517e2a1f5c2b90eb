package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.UInt32Value;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;

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
}
