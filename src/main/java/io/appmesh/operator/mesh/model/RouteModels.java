package io.appmesh.operator.mesh.model;

import static io.appmesh.operator.mesh.model.ListenerModels.duration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.appmesh.operator.api.v1beta2.common.GRPCRouteMetadataMatchMethod;
import io.appmesh.operator.api.v1beta2.common.HTTPQueryParameters;
import io.appmesh.operator.api.v1beta2.common.HeaderMatchMethod;
import io.appmesh.operator.api.v1beta2.virtualrouter.GRPCRoute;
import io.appmesh.operator.api.v1beta2.virtualrouter.GRPCRouteMetadata;
import io.appmesh.operator.api.v1beta2.virtualrouter.HTTPRoute;
import io.appmesh.operator.api.v1beta2.virtualrouter.HTTPRouteHeader;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.TCPRoute;
import io.appmesh.operator.api.v1beta2.virtualrouter.WeightedTarget;

/** VirtualRouter {@link Route}s as {@link RouteModel}s. */
final class RouteModels {

    private RouteModels() {
    }

    /** The route's port match, or null when it has none. */
    static Long port(Route route) {
        if (route.getHttpRoute() != null && route.getHttpRoute().getMatch() != null) {
            return route.getHttpRoute().getMatch().getPort();
        } else if (route.getHttp2Route() != null && route.getHttp2Route().getMatch() != null) {
            return route.getHttp2Route().getMatch().getPort();
        } else if (route.getGrpcRoute() != null && route.getGrpcRoute().getMatch() != null) {
            return route.getGrpcRoute().getMatch().getPort();
        } else if (route.getTcpRoute() != null && route.getTcpRoute().getMatch() != null) {
            return route.getTcpRoute().getMatch().getPort();
        }
        return null;
    }

    /** The route's type. */
    static Protocol protocol(Route route) {
        return route.getHttpRoute() != null
                ? Protocol.HTTP
                : route.getHttp2Route() != null ? Protocol.HTTP2 : route.getGrpcRoute() != null ? Protocol.GRPC : Protocol.TCP;
    }

    /**
     * @param target the target node of a weighted target, or null when it cannot be reached (no such listener)
     */
    static RouteModel of(Route route, Function<WeightedTarget, TargetModel> target) {
        Protocol protocol = protocol(route);
        return switch (protocol) {
            case HTTP, HTTP2 -> http(route, protocol == Protocol.HTTP ? route.getHttpRoute() : route.getHttp2Route(),
                    protocol, target);
            case GRPC -> grpc(route, route.getGrpcRoute(), target);
            case TCP -> tcp(route, route.getTcpRoute(), target);
        };
    }

    private static RouteModel http(Route route, HTTPRoute http, Protocol protocol,
            Function<WeightedTarget, TargetModel> target) {
        var m = http.getMatch();
        List<MatchModel.HeaderMatch> headers = new ArrayList<>();
        for (HTTPRouteHeader h : Optional.ofNullable(m.getHeaders()).orElse(List.of())) {
            headers.add(header(h.getName(), h.getMatch(), Boolean.TRUE.equals(h.getInvert())));
        }
        List<MatchModel.QueryMatch> query = new ArrayList<>();
        for (HTTPQueryParameters q : Optional.ofNullable(m.getQueryParameters()).orElse(List.of())) {
            query.add(new MatchModel.QueryMatch(q.getName(), q.getMatch() == null ? null : q.getMatch().getExact()));
        }
        MatchModel match = new MatchModel(m.getPrefix(), m.getPath() == null ? null : m.getPath().getExact(),
                m.getPath() == null ? null : m.getPath().getRegex(), headers, m.getMethod(), m.getScheme(), query, null,
                null);
        RouteModel.RetryModel retry = null;
        if (http.getRetryPolicy() != null) {
            var r = http.getRetryPolicy();
            retry = new RouteModel.RetryModel(r.getMaxRetries(), duration(r.getPerRetryTimeout()),
                    list(r.getHttpRetryEvents()), list(r.getTcpRetryEvents()), List.of());
        }
        Duration perRequest = http.getTimeout() == null ? null : duration(http.getTimeout().getPerRequest());
        Duration idle = http.getTimeout() == null ? null : duration(http.getTimeout().getIdle());
        return new RouteModel(route.getName(), protocol, route.getPriority(), match,
                targets(http.getAction().getWeightedTargets(), target), retry, perRequest, idle);
    }

    private static RouteModel grpc(Route route, GRPCRoute grpc, Function<WeightedTarget, TargetModel> target) {
        var m = grpc.getMatch();
        List<MatchModel.HeaderMatch> headers = new ArrayList<>();
        String service = null;
        String method = null;
        if (m != null) {
            for (GRPCRouteMetadata h : Optional.ofNullable(m.getMetadata()).orElse(List.of())) {
                headers.add(header(h.getName(), metadata(h.getMatch()), Boolean.TRUE.equals(h.getInvert())));
            }
            service = m.getServiceName();
            method = m.getMethodName();
        }
        MatchModel match = new MatchModel(null, null, null, headers, null, null, List.of(), service, method);
        RouteModel.RetryModel retry = null;
        if (grpc.getRetryPolicy() != null) {
            var r = grpc.getRetryPolicy();
            retry = new RouteModel.RetryModel(r.getMaxRetries(), duration(r.getPerRetryTimeout()),
                    list(r.getHttpRetryEvents()), list(r.getTcpRetryEvents()), list(r.getGrpcRetryEvents()));
        }
        Duration perRequest = grpc.getTimeout() == null ? null : duration(grpc.getTimeout().getPerRequest());
        Duration idle = grpc.getTimeout() == null ? null : duration(grpc.getTimeout().getIdle());
        return new RouteModel(route.getName(), Protocol.GRPC, route.getPriority(), match,
                targets(grpc.getAction().getWeightedTargets(), target), retry, perRequest, idle);
    }

    private static RouteModel tcp(Route route, TCPRoute tcp, Function<WeightedTarget, TargetModel> target) {
        Duration idle = tcp.getTimeout() == null ? null : duration(tcp.getTimeout().getIdle());
        return new RouteModel(route.getName(), Protocol.TCP, route.getPriority(), null,
                targets(tcp.getAction().getWeightedTargets(), target), null, null, idle);
    }

    /** A gRPC metadata match as the header match it is on the wire (null stays null: presence). */
    static HeaderMatchMethod metadata(GRPCRouteMetadataMatchMethod mm) {
        if (mm == null) {
            return null;
        }
        HeaderMatchMethod hm = new HeaderMatchMethod();
        hm.setExact(mm.getExact());
        hm.setPrefix(mm.getPrefix());
        hm.setSuffix(mm.getSuffix());
        hm.setRegex(mm.getRegex());
        hm.setRange(mm.getRange());
        return hm;
    }

    static MatchModel.HeaderMatch header(String name, HeaderMatchMethod m, boolean invert) {
        if (m == null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.PRESENT, null, 0, 0, invert);
        } else if (m.getExact() != null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.EXACT, m.getExact(), 0, 0, invert);
        } else if (m.getPrefix() != null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.PREFIX, m.getPrefix(), 0, 0, invert);
        } else if (m.getSuffix() != null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.SUFFIX, m.getSuffix(), 0, 0, invert);
        } else if (m.getRegex() != null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.REGEX, m.getRegex(), 0, 0, invert);
        } else if (m.getRange() != null) {
            return new MatchModel.HeaderMatch(name, MatchModel.Kind.RANGE, null, m.getRange().getStart(),
                    m.getRange().getEnd(), invert);
        }
        return new MatchModel.HeaderMatch(name, MatchModel.Kind.PRESENT, null, 0, 0, invert);
    }

    private static List<RouteModel.Target> targets(List<WeightedTarget> targets,
            Function<WeightedTarget, TargetModel> target) {
        List<RouteModel.Target> out = new ArrayList<>();
        for (WeightedTarget t : Optional.ofNullable(targets).orElse(List.of())) {
            TargetModel node = target.apply(t);
            if (node != null) {
                out.add(new RouteModel.Target(node, t.getWeight()));
            }
        }
        return out;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
