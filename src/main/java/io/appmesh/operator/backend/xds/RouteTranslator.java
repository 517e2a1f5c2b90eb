package io.appmesh.operator.backend.xds;

import java.time.Duration;
import java.util.List;

import io.appmesh.operator.mesh.model.ListenerModel;
import io.appmesh.operator.mesh.model.MatchModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.RouteModel;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.Int64Range;

/**
 * Route configurations: {@code rds_ingress_http_<port>} sends everything to the local application with the
 * listener's timeouts; {@code rds_egress_http_<port>} has one virtual host per backend service on that port (domains
 * {@code <service>} and {@code <service>:<port>}) with its provider's routes, in priority order.
 */
final class RouteTranslator {

    private RouteTranslator() {
    }

    static RouteConfiguration ingress(NodeModel node, ListenerModel listener) {
        Route route = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(timeouts(RouteAction.newBuilder()
                        .setCluster(Names.ingressCluster(node.mesh(), node.node(), listener.protocol(), listener.port())),
                        listener.perRequest(), listener.idle()))
                .build();
        return RouteConfiguration.newBuilder().setName(Names.ingressRoutes(listener.port()))
                .addVirtualHosts(VirtualHost.newBuilder().setName("ingress").addDomains("*").addRoutes(route)).build();
    }

    /**
     * @param hosts the backend services on this port and their routes
     * @param allowAll whether other hosts go through the mesh's passthrough cluster (ALLOW_ALL)
     */
    static RouteConfiguration egress(NodeModel node, int port, List<Host> hosts, boolean allowAll) {
        RouteConfiguration.Builder config = RouteConfiguration.newBuilder().setName(Names.egressRoutes(port));
        for (Host host : hosts) {
            config.addVirtualHosts(virtualHost(node, port, host));
        }
        if (allowAll) {
            config.addVirtualHosts(VirtualHost.newBuilder().setName("mesh-allow-all").addDomains("*")
                    .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                            .setRoute(RouteAction.newBuilder().setCluster(Names.allowAllCluster(node.mesh())))));
        }
        return config.build();
    }

    /**
     * One backend service's virtual host on one port: domains {@code <service>} and {@code <service>:<port>}, its
     * provider's routes. Sidecars get it inside {@code rds_egress_http_<port>}, proxyless gRPC clients alone in their
     * listener's route configuration, so both route a host alike.
     */
    static VirtualHost virtualHost(NodeModel node, int port, Host host) {
        VirtualHost.Builder vhost = VirtualHost.newBuilder().setName(host.service()).addDomains(host.service())
                .addDomains(host.service() + ":" + port);
        for (RouteModel route : host.routes()) {
            if (route.targets().stream().anyMatch(t -> t.weight() > 0)) { // Envoy refuses a zero total
                vhost.addRoutes(route(node, host.service(), route));
            }
        }
        return vhost.build();
    }

    /** A backend service's routes on one port. */
    record Host(String service, List<RouteModel> routes) {
    }

    private static Route route(NodeModel node, String service, RouteModel route) {
        WeightedCluster.Builder clusters = WeightedCluster.newBuilder();
        for (RouteModel.Target target : route.targets()) {
            clusters.addClusters(WeightedCluster.ClusterWeight.newBuilder()
                    .setName(Names.egressCluster(node.mesh(), target.node().node(), target.node().protocol(),
                            target.node().port()))
                    .setWeight(Protos.uint32(target.weight())));
        }
        RouteAction.Builder action = timeouts(RouteAction.newBuilder().setWeightedClusters(clusters),
                route.perRequest(), route.idle());
        action.setRetryPolicy(route.retry() == null
                ? AppMeshDefaults.defaultRetryPolicy()
                : AppMeshDefaults.retryPolicy(route.retry()));
        return Route.newBuilder().setName(route.name()).setMatch(match(route)).setRoute(action)
                .setMetadata(Protos.aggregateStats("TargetVirtualService", service)).build();
    }

    private static RouteAction.Builder timeouts(RouteAction.Builder action, Duration perRequest, Duration idle) {
        return action.setTimeout(Protos.duration(perRequest == null ? AppMeshDefaults.PER_REQUEST_TIMEOUT : perRequest))
                .setIdleTimeout(Protos.duration(idle == null ? AppMeshDefaults.IDLE_TIMEOUT : idle));
    }

    static RouteMatch match(RouteModel route) {
        MatchModel m = route.match();
        RouteMatch.Builder match = RouteMatch.newBuilder();
        if (m == null) {
            return match.setPrefix("/").build();
        }
        if (m.exactPath() != null) {
            match.setPath(m.exactPath());
        } else if (m.regexPath() != null) {
            match.setSafeRegex(RegexMatcher.newBuilder().setRegex(m.regexPath()));
        } else if (m.prefix() != null) {
            match.setPrefix(m.prefix());
        } else if (m.grpcService() != null && m.grpcMethod() != null) {
            match.setPath("/" + m.grpcService() + "/" + m.grpcMethod());
        } else if (m.grpcService() != null) {
            match.setPrefix("/" + m.grpcService() + "/");
        } else {
            match.setPrefix("/");
        }
        if (route.protocol() == io.appmesh.operator.mesh.model.Protocol.GRPC) {
            match.setGrpc(RouteMatch.GrpcRouteMatchOptions.getDefaultInstance());
        }
        for (MatchModel.HeaderMatch h : m.headers()) {
            match.addHeaders(header(h));
        }
        if (m.method() != null) {
            match.addHeaders(header(new MatchModel.HeaderMatch(":method", MatchModel.Kind.EXACT, m.method(), 0, 0,
                    false)));
        }
        if (m.scheme() != null) {
            match.addHeaders(header(new MatchModel.HeaderMatch(":scheme", MatchModel.Kind.EXACT, m.scheme(), 0, 0,
                    false)));
        }
        for (MatchModel.QueryMatch q : m.queryParameters()) {
            QueryParameterMatcher.Builder query = QueryParameterMatcher.newBuilder().setName(q.name());
            if (q.exact() != null) {
                query.setStringMatch(StringMatcher.newBuilder().setExact(q.exact()));
            } else {
                query.setPresentMatch(true);
            }
            match.addQueryParameters(query);
        }
        return match.build();
    }

    private static HeaderMatcher header(MatchModel.HeaderMatch h) {
        HeaderMatcher.Builder header = HeaderMatcher.newBuilder().setName(h.name()).setInvertMatch(h.invert());
        switch (h.kind()) {
            case PRESENT -> header.setPresentMatch(true);
            case EXACT -> header.setStringMatch(StringMatcher.newBuilder().setExact(h.value()));
            case PREFIX -> header.setStringMatch(StringMatcher.newBuilder().setPrefix(h.value()));
            case SUFFIX -> header.setStringMatch(StringMatcher.newBuilder().setSuffix(h.value()));
            case REGEX -> header.setStringMatch(
                    StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(h.value())));
            case RANGE -> header.setRangeMatch(Int64Range.newBuilder().setStart(h.start()).setEnd(h.end()));
        }
        return header.build();
    }
}
