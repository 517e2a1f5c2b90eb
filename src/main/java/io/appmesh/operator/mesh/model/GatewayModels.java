package io.appmesh.operator.mesh.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.appmesh.operator.api.v1beta2.common.GatewayRouteHostnameMatch;
import io.appmesh.operator.api.v1beta2.common.HTTPQueryParameters;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GRPCGatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GRPCGatewayRouteMatch;
import io.appmesh.operator.api.v1beta2.gatewayroute.GRPCGatewayRouteMetadata;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteHostnameRewrite;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteTarget;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRouteHeader;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRouteMatch;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayConnectionPool;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayHealthCheckPolicy;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayListener;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.AppMeshArns;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.References;

/**
 * Builds the {@link GatewayModel} of one virtual gateway (pure, lenient like {@link NodeModels}: what does not resolve
 * is left out). A GatewayRoute belongs to the gateway its {@code virtualGatewayRef} names: the defaulting webhook set
 * it from the gateways' selectors ({@link io.appmesh.operator.mesh.VirtualGatewayMembership}), so the selectors are
 * not evaluated again here. A target service's routes are the ones a sidecar calling it gets
 * ({@link NodeModels#provided}), because App Mesh's gateway forwards a matched request to its own egress listener
 * with the host rewritten to the service and routes it there exactly like a sidecar (see docs/xds.md).
 */
public final class GatewayModels {

    private final Lookup lookup;
    private final NodeModels nodes;

    public GatewayModels(Lookup lookup, Function<VirtualNode, List<Endpoint>> endpoints) {
        this.lookup = lookup;
        this.nodes = new NodeModels(lookup, endpoints);
    }

    /**
     * @param routes GatewayRoutes of any gateway; those whose virtualGatewayRef names this gateway are used
     */
    public GatewayModel build(VirtualGateway gateway, Mesh mesh, List<GatewayRoute> routes) {
        List<GatewayModel.Listener> listeners = Optional.ofNullable(gateway.getSpec().getListeners()).orElse(List.of())
                .stream().map(GatewayModels::listener).toList();
        List<GatewayModel.Route> models = new ArrayList<>();
        Map<String, BackendModel> backends = new LinkedHashMap<>();
        for (GatewayRoute route : routes) {
            if (!attached(route, gateway)) {
                continue;
            }
            GatewayModel.Route model = route(route);
            if (model == null) {
                continue;
            }
            models.add(model);
            if (!backends.containsKey(model.service())) {
                Optional<VirtualService> service = service(route);
                // the gateway's backend defaults are its only client policy: they apply to every target service
                backends.put(model.service(), new BackendModel(model.service(),
                        service.map(nodes::provided).orElse(List.of()), TlsModels.client(gateway)));
            }
        }
        models.sort(ORDER);
        var file = gateway.getSpec().getLogging() == null || gateway.getSpec().getLogging().getAccessLog() == null
                ? null
                : gateway.getSpec().getLogging().getAccessLog().getFile();
        AccessLogModel accessLog = file == null ? null : NodeModels.accessLog(file.getPath(), file.getFormat());
        // By name: the caller's list order of GatewayRoutes must not change the model (equal models are not rebuilt)
        return new GatewayModel(mesh.getSpec().getAwsName(), gateway.getSpec().getAwsName(), listeners, accessLog,
                List.copyOf(models),
                backends.values().stream().sorted(Comparator.comparing(BackendModel::name)).toList());
    }

    /**
     * The order Envoy tries the routes in. App Mesh's priority first (0 highest; none is lowest). Among equal
     * priorities it documents no order, and GatewayRoutes are separate objects with no spec order, so — inferred — the
     * more specific route first: an exact path, then a regex path, then the longer prefix, then the route with more
     * conditions (headers, query parameters, method, hostname, port), then by name for stability. Without this, the
     * http-ingress-v2 walkthrough's catch-all {@code GET /} route would shadow its {@code /paths} route.
     */
    static final Comparator<GatewayModel.Route> ORDER = Comparator
            .comparing(GatewayModel.Route::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.match().exactPath() != null ? 0 : r.match().regexPath() != null ? 1 : 2)
            .thenComparing(r -> -pathLength(r.match()))
            .thenComparing(r -> -conditions(r))
            .thenComparing(GatewayModel.Route::name);

    private static int pathLength(MatchModel m) {
        if (m.prefix() != null) {
            return m.prefix().length();
        }
        // a gRPC service name is a prefix of the path too (gateway routes match no method)
        return m.grpcService() == null ? 0 : m.grpcService().length();
    }

    private static int conditions(GatewayModel.Route r) {
        MatchModel m = r.match();
        return m.headers().size() + m.queryParameters().size() + (m.method() == null ? 0 : 1)
                + (r.hostnameExact() == null && r.hostnameSuffix() == null ? 0 : 1) + (r.port() == null ? 0 : 1);
    }

    private static boolean attached(GatewayRoute route, VirtualGateway gateway) {
        var ref = route.getSpec().getVirtualGatewayRef();
        return ref != null && gateway.getMetadata().getName().equals(ref.getName())
                && gateway.getMetadata().getNamespace().equals(References.namespaceOf(ref.getNamespace(), route));
    }

    private Optional<VirtualService> service(GatewayRoute route) {
        VirtualServiceReference ref = target(route).getVirtualService().getVirtualServiceRef();
        if (ref == null) {
            return Optional.empty();
        }
        return lookup.get(VirtualService.class, References.namespaceOf(ref.getNamespace(), route), ref.getName());
    }

    /** The route's target, or null when it has no route or action (the CRD schema requires both). */
    private static GatewayRouteTarget target(GatewayRoute route) {
        var spec = route.getSpec();
        if (spec.getGrpcRoute() != null) {
            return spec.getGrpcRoute().getAction() == null ? null : spec.getGrpcRoute().getAction().getTarget();
        }
        HTTPGatewayRoute http = spec.getHttpRoute() != null ? spec.getHttpRoute() : spec.getHttp2Route();
        return http == null || http.getAction() == null ? null : http.getAction().getTarget();
    }

    /** The route, or null when its target service is unknown (neither a resolvable reference nor an ARN). */
    private GatewayModel.Route route(GatewayRoute route) {
        GatewayRouteTarget target = target(route);
        var vs = target == null ? null : target.getVirtualService();
        if (vs == null) {
            return null;
        }
        String service;
        if (vs.getVirtualServiceRef() != null) {
            Optional<VirtualService> resolved = service(route);
            if (resolved.isEmpty()) {
                return null;
            }
            service = resolved.get().getSpec().getAwsName();
        } else if (vs.getVirtualServiceARN() != null) {
            service = AppMeshArns.name("virtualServiceARN", vs.getVirtualServiceARN());
        } else {
            return null;
        }
        Integer servicePort = target.getPort() == null ? null : Math.toIntExact(target.getPort());
        var spec = route.getSpec();
        String name = spec.getAwsName();
        if (spec.getGrpcRoute() != null) {
            return grpc(name, spec.getPriority(), spec.getGrpcRoute(), service, servicePort);
        }
        Protocol protocol = spec.getHttpRoute() != null ? Protocol.HTTP : Protocol.HTTP2;
        return http(name, protocol, spec.getPriority(),
                spec.getHttpRoute() != null ? spec.getHttpRoute() : spec.getHttp2Route(), service, servicePort);
    }

    private static GatewayModel.Route http(String name, Protocol protocol, Long priority, HTTPGatewayRoute http,
            String service, Integer servicePort) {
        var m = Optional.ofNullable(http.getMatch()).orElseGet(HTTPGatewayRouteMatch::new);
        List<MatchModel.HeaderMatch> headers = new ArrayList<>();
        for (HTTPGatewayRouteHeader h : Optional.ofNullable(m.getHeaders()).orElse(List.of())) {
            headers.add(RouteModels.header(h.getName(), h.getMatch(), Boolean.TRUE.equals(h.getInvert())));
        }
        List<MatchModel.QueryMatch> query = new ArrayList<>();
        for (HTTPQueryParameters q : Optional.ofNullable(m.getQueryParameters()).orElse(List.of())) {
            query.add(new MatchModel.QueryMatch(q.getName(), q.getMatch() == null ? null : q.getMatch().getExact()));
        }
        String exact = m.getPath() == null ? null : m.getPath().getExact();
        String regex = m.getPath() == null ? null : m.getPath().getRegex();
        // The webhook requires a prefix, a path or a hostname; a hostname-only route matches every path.
        String prefix = m.getPrefix() == null && exact == null && regex == null ? "/" : m.getPrefix();
        MatchModel match = new MatchModel(prefix, exact, regex, headers, m.getMethod(), null, query, null, null);
        var rw = http.getAction().getRewrite();
        GatewayModel.Rewrite rewrite = GatewayModel.Rewrite.DEFAULT;
        if (rw != null) {
            boolean defaultPrefix = rw.getPrefix() == null
                    || !"DISABLED".equals(rw.getPrefix().getDefaultPrefix());
            rewrite = new GatewayModel.Rewrite(defaultPrefix, rw.getPrefix() == null ? null : rw.getPrefix().getValue(),
                    rw.getPath() == null ? null : rw.getPath().getExact(), defaultHostname(rw.getHostname()));
        }
        return new GatewayModel.Route(name, protocol, priority, match, hostnameExact(m.getHostname()),
                hostnameSuffix(m.getHostname()), port(m.getPort()), service, servicePort, rewrite);
    }

    private static GatewayModel.Route grpc(String name, Long priority, GRPCGatewayRoute grpc, String service,
            Integer servicePort) {
        var m = Optional.ofNullable(grpc.getMatch()).orElseGet(GRPCGatewayRouteMatch::new);
        List<MatchModel.HeaderMatch> headers = new ArrayList<>();
        for (GRPCGatewayRouteMetadata h : Optional.ofNullable(m.getMetadata()).orElse(List.of())) {
            headers.add(RouteModels.header(h.getName(), RouteModels.metadata(h.getMatch()),
                    Boolean.TRUE.equals(h.getInvert())));
        }
        MatchModel match = new MatchModel(null, null, null, headers, null, null, List.of(), m.getServiceName(), null);
        var rw = grpc.getAction().getRewrite();
        GatewayModel.Rewrite rewrite = new GatewayModel.Rewrite(false, null, null,
                rw == null || defaultHostname(rw.getHostname()));
        return new GatewayModel.Route(name, Protocol.GRPC, priority, match, hostnameExact(m.getHostname()),
                hostnameSuffix(m.getHostname()), port(m.getPort()), service, servicePort, rewrite);
    }

    /** The target hostname rewrite is on unless explicitly DISABLED (App Mesh's default). */
    private static boolean defaultHostname(GatewayRouteHostnameRewrite rewrite) {
        return rewrite == null || !"DISABLED".equals(rewrite.getDefaultTargetHostname());
    }

    private static String hostnameExact(GatewayRouteHostnameMatch h) {
        return h == null ? null : h.getExact();
    }

    private static String hostnameSuffix(GatewayRouteHostnameMatch h) {
        return h == null ? null : h.getSuffix();
    }

    private static Integer port(Long port) {
        return port == null ? null : Math.toIntExact(port);
    }

    private static GatewayModel.Listener listener(VirtualGatewayListener l) {
        int port = Math.toIntExact(l.getPortMapping().getPort());
        Protocol protocol = Protocol.of(l.getPortMapping().getProtocol());
        return new GatewayModel.Listener(port, protocol, pool(l.getConnectionPool(), protocol),
                healthCheck(l.getHealthCheck()), TlsModels.listener(l.getTls()));
    }

    private static ListenerModel.ConnectionPool pool(VirtualGatewayConnectionPool pool, Protocol protocol) {
        return pool == null
                ? null
                : ListenerModels.pool(protocol, pool.getHttp(), pool.getHttp2(), pool.getGrpc(), null);
    }

    private static ListenerModel.HealthCheck healthCheck(VirtualGatewayHealthCheckPolicy h) {
        return h == null
                ? null
                : new ListenerModel.HealthCheck(Protocol.of(h.getProtocol()), h.getPath(),
                        Optional.ofNullable(h.getPort()).map(Math::toIntExact).orElse(null), h.getHealthyThreshold(),
                        h.getUnhealthyThreshold(), Duration.ofMillis(h.getTimeoutMillis()),
                        Duration.ofMillis(h.getIntervalMillis()));
    }
}
