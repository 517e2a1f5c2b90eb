package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * What Envoy checks across resources and PGV cannot: unique names per type, every route configuration and cluster a
 * listener or route names is served (so a proxy never warms a route to a missing cluster), an EDS resource per EDS
 * cluster and none for other clusters, unique domains within a route configuration (served or inline in an API
 * listener), weighted clusters summing to more than zero, a load balancing weight on every EDS locality (gRPC's xDS
 * client ignores localities without one), TLS transport sockets of the right side whose SDS secrets come through the
 * bootstrap's SDS cluster (the one cluster a proxy has without CDS).
 */
final class ReferenceChecker {

    private ReferenceChecker() {
    }

    static List<String> violations(EnvoyResources r) {
        List<String> out = new ArrayList<>();
        unique("listener", r.listeners().stream().map(Listener::getName).toList(), out);
        unique("route configuration", r.routes().stream().map(RouteConfiguration::getName).toList(), out);
        unique("cluster", r.clusters().stream().map(Cluster::getName).toList(), out);
        Set<String> clusters = r.clusters().stream().map(Cluster::getName).collect(Collectors.toSet());
        Set<String> routes = r.routes().stream().map(RouteConfiguration::getName).collect(Collectors.toSet());
        Set<String> usedRoutes = new HashSet<>();
        List<RouteConfiguration> configs = new ArrayList<>(r.routes());
        for (Listener listener : r.listeners()) {
            if (listener.hasApiListener()) { // a proxyless gRPC client's: one HCM, RDS or inline routes
                HttpConnectionManager hcm = unpack(listener.getApiListener().getApiListener(),
                        HttpConnectionManager.class);
                if (hcm.hasRouteConfig()) {
                    configs.add(hcm.getRouteConfig());
                } else {
                    usedRoutes.add(hcm.getRds().getRouteConfigName());
                    if (!routes.contains(hcm.getRds().getRouteConfigName())) {
                        out.add(listener.getName() + ": route configuration " + hcm.getRds().getRouteConfigName()
                                + " not served");
                    }
                }
            }
            List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
            if (listener.hasDefaultFilterChain()) {
                chains.add(listener.getDefaultFilterChain());
            }
            for (FilterChain chain : chains) {
                for (Filter filter : chain.getFiltersList()) {
                    Any config = filter.getTypedConfig();
                    if (config.is(HttpConnectionManager.class)) {
                        String name = unpack(config, HttpConnectionManager.class).getRds().getRouteConfigName();
                        usedRoutes.add(name);
                        if (!routes.contains(name)) {
                            out.add(listener.getName() + ": route configuration " + name + " not served");
                        }
                    } else if (config.is(TcpProxy.class)) {
                        TcpProxy proxy = unpack(config, TcpProxy.class);
                        List<String> names = proxy.hasWeightedClusters()
                                ? proxy.getWeightedClusters().getClustersList().stream()
                                        .map(TcpProxy.WeightedCluster.ClusterWeight::getName).toList()
                                : List.of(proxy.getCluster());
                        names.stream().filter(n -> !clusters.contains(n))
                                .forEach(n -> out.add(listener.getName() + ": cluster " + n + " not served"));
                    }
                }
            }
        }
        for (Listener listener : r.listeners()) {
            List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
            if (listener.hasDefaultFilterChain()) {
                chains.add(listener.getDefaultFilterChain());
            }
            for (FilterChain chain : chains) {
                if (chain.hasTransportSocket()) {
                    tls(listener.getName() + "/" + chain.getName(), chain.getTransportSocket(),
                            DownstreamTlsContext.class, out);
                }
            }
        }
        for (Cluster cluster : r.clusters()) {
            if (cluster.getName().equals(Names.SDS_CLUSTER)) {
                out.add("cluster " + Names.SDS_CLUSTER + " is the bootstrap's; serving it would clash");
            }
            if (cluster.hasTransportSocket()) {
                tls(cluster.getName(), cluster.getTransportSocket(), UpstreamTlsContext.class, out);
            }
        }
        routes.stream().filter(n -> !usedRoutes.contains(n))
                .forEach(n -> out.add("route configuration " + n + " used by no listener"));
        for (RouteConfiguration config : configs) {
            List<String> domains = config.getVirtualHostsList().stream().flatMap(v -> v.getDomainsList().stream())
                    .toList();
            unique(config.getName() + " domain", domains, out);
            for (VirtualHost host : config.getVirtualHostsList()) {
                for (Route route : host.getRoutesList()) {
                    String at = config.getName() + "/" + host.getName() + "/" + route.getName();
                    if (route.getRoute().hasWeightedClusters()) {
                        List<WeightedCluster.ClusterWeight> weights = route.getRoute().getWeightedClusters()
                                .getClustersList();
                        if (weights.stream().mapToLong(w -> w.getWeight().getValue()).sum() <= 0) {
                            out.add(at + ": weights sum to 0");
                        }
                        weights.stream().map(WeightedCluster.ClusterWeight::getName).filter(n -> !clusters.contains(n))
                                .forEach(n -> out.add(at + ": cluster " + n + " not served"));
                    } else if (!clusters.contains(route.getRoute().getCluster())) {
                        out.add(at + ": cluster " + route.getRoute().getCluster() + " not served");
                    }
                }
            }
        }
        Set<String> eds = r.clusters().stream().filter(c -> c.getType() == Cluster.DiscoveryType.EDS)
                .map(c -> c.getEdsClusterConfig().getServiceName()).collect(Collectors.toSet());
        Set<String> assignments = r.endpoints().stream().map(ClusterLoadAssignment::getClusterName)
                .collect(Collectors.toSet());
        if (!eds.equals(assignments)) {
            out.add("EDS clusters " + eds + " but endpoints for " + assignments);
        }
        // Envoy accepts a locality without a weight; gRPC's xDS client silently drops it (and its endpoints)
        for (ClusterLoadAssignment cla : r.endpoints()) {
            cla.getEndpointsList().stream().filter(l -> l.getLoadBalancingWeight().getValue() < 1).findFirst()
                    .ifPresent(l -> out.add(cla.getClusterName() + ": a locality without a load balancing weight"));
        }
        return out;
    }

    /**
     * A TLS transport socket: the TLS extension with the context of its side, and every SDS secret fetched through
     * the one cluster the proxy has for it without CDS, the bootstrap's {@link Names#SDS_CLUSTER} (over gRPC, v3).
     */
    private static void tls(String at, TransportSocket socket, Class<? extends Message> side, List<String> out) {
        if (!socket.getName().equals(TlsTranslator.TRANSPORT_SOCKET) || !socket.getTypedConfig().is(side)) {
            out.add(at + ": transport socket " + socket.getName() + " is not " + side.getSimpleName());
            return;
        }
        Message context = unpack(socket.getTypedConfig(), side);
        CommonTlsContext common = context instanceof DownstreamTlsContext d
                ? d.getCommonTlsContext()
                : ((UpstreamTlsContext) context).getCommonTlsContext();
        List<SdsSecretConfig> secrets = new ArrayList<>(common.getTlsCertificateSdsSecretConfigsList());
        if (common.hasValidationContextSdsSecretConfig()) {
            secrets.add(common.getValidationContextSdsSecretConfig());
        }
        if (common.hasCombinedValidationContext()) {
            secrets.add(common.getCombinedValidationContext().getValidationContextSdsSecretConfig());
        }
        for (SdsSecretConfig secret : secrets) {
            ConfigSource source = secret.getSdsConfig();
            boolean ok = source.getResourceApiVersion() == ApiVersion.V3 && source.hasApiConfigSource()
                    && source.getApiConfigSource().getApiType() == ApiConfigSource.ApiType.GRPC
                    && source.getApiConfigSource().getTransportApiVersion() == ApiVersion.V3
                    && source.getApiConfigSource().getGrpcServicesCount() == 1 && source.getApiConfigSource()
                            .getGrpcServices(0).getEnvoyGrpc().getClusterName().equals(Names.SDS_CLUSTER);
            if (!ok) {
                out.add(at + ": SDS secret " + secret.getName() + " not fetched through " + Names.SDS_CLUSTER);
            }
        }
        if (common.getTlsCertificatesCount() + common.getTlsCertificateSdsSecretConfigsCount() == 0
                && context instanceof DownstreamTlsContext) {
            out.add(at + ": a server TLS context without a certificate");
        }
    }

    private static void unique(String what, List<String> names, List<String> out) {
        Set<String> seen = new HashSet<>();
        names.stream().filter(n -> !seen.add(n)).forEach(n -> out.add("duplicate " + what + " " + n));
    }

    private static <T extends Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
