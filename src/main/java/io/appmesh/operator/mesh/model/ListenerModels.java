package io.appmesh.operator.mesh.model;

import java.time.Duration;
import java.util.Optional;

import io.appmesh.operator.api.v1beta2.common.GRPCConnectionPool;
import io.appmesh.operator.api.v1beta2.common.HTTP2ConnectionPool;
import io.appmesh.operator.api.v1beta2.common.HTTPConnectionPool;
import io.appmesh.operator.api.v1beta2.common.HTTPTimeout;
import io.appmesh.operator.api.v1beta2.virtualnode.HealthCheckPolicy;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.ListenerTimeout;
import io.appmesh.operator.api.v1beta2.virtualnode.OutlierDetection;
import io.appmesh.operator.api.v1beta2.virtualnode.TCPConnectionPool;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeConnectionPool;

/** A VirtualNode {@link Listener} as a {@link ListenerModel}: the settings of the listener's protocol only. */
final class ListenerModels {

    private ListenerModels() {
    }

    /**
     * A node's own listener, with its TLS. A caller's view of a target listener ({@link #of}) leaves TLS out: what a
     * caller originates is its client policy's business, so a target's TLS settings do not change its callers.
     */
    static ListenerModel own(Listener listener) {
        ListenerModel model = of(listener);
        return new ListenerModel(model.port(), model.protocol(), model.perRequest(), model.idle(), model.pool(),
                model.outlier(), model.healthCheck(), TlsModels.listener(listener.getTls()));
    }

    static ListenerModel of(Listener listener) {
        Protocol protocol = Protocol.of(listener.getPortMapping().getProtocol());
        int port = Math.toIntExact(listener.getPortMapping().getPort());
        HTTPTimeout http = httpTimeout(listener.getTimeout(), protocol);
        Duration idle = http != null ? duration(http.getIdle()) : null;
        if (protocol == Protocol.TCP && listener.getTimeout() != null && listener.getTimeout().getTcp() != null) {
            idle = duration(listener.getTimeout().getTcp().getIdle());
        }
        return new ListenerModel(port, protocol, http == null ? null : duration(http.getPerRequest()), idle,
                pool(listener.getConnectionPool(), protocol), outlier(listener.getOutlierDetection()),
                healthCheck(listener.getHealthCheck()));
    }

    private static HTTPTimeout httpTimeout(ListenerTimeout timeout, Protocol protocol) {
        if (timeout == null) {
            return null;
        }
        return switch (protocol) {
            case HTTP -> timeout.getHttp();
            case HTTP2 -> timeout.getHttp2();
            case GRPC -> timeout.getGrpc() == null
                    ? null
                    : http(timeout.getGrpc().getPerRequest(), timeout.getGrpc().getIdle());
            case TCP -> null;
        };
    }

    private static HTTPTimeout http(io.appmesh.operator.api.v1beta2.common.Duration perRequest,
            io.appmesh.operator.api.v1beta2.common.Duration idle) {
        HTTPTimeout t = new HTTPTimeout();
        t.setPerRequest(perRequest);
        t.setIdle(idle);
        return t;
    }

    private static ListenerModel.ConnectionPool pool(VirtualNodeConnectionPool pool, Protocol protocol) {
        return pool == null ? null : pool(protocol, pool.getHttp(), pool.getHttp2(), pool.getGrpc(), pool.getTcp());
    }

    /**
     * The pool of the listener's protocol (the other protocols' pools do not apply to it); shared by virtual node and
     * virtual gateway listeners, whose pools differ only in the TCP one (gateways have none).
     */
    static ListenerModel.ConnectionPool pool(Protocol protocol, HTTPConnectionPool http, HTTP2ConnectionPool http2,
            GRPCConnectionPool grpc, TCPConnectionPool tcp) {
        return switch (protocol) {
            case HTTP -> http == null
                    ? null
                    : new ListenerModel.ConnectionPool(http.getMaxConnections(), http.getMaxPendingRequests(), null);
            case HTTP2 -> http2 == null ? null : new ListenerModel.ConnectionPool(null, null, http2.getMaxRequests());
            case GRPC -> grpc == null ? null : new ListenerModel.ConnectionPool(null, null, grpc.getMaxRequests());
            case TCP -> tcp == null ? null : new ListenerModel.ConnectionPool(tcp.getMaxConnections(), null, null);
        };
    }

    private static ListenerModel.Outlier outlier(OutlierDetection o) {
        return o == null
                ? null
                : new ListenerModel.Outlier(o.getMaxServerErrors(), duration(o.getInterval()),
                        duration(o.getBaseEjectionDuration()), o.getMaxEjectionPercent());
    }

    private static ListenerModel.HealthCheck healthCheck(HealthCheckPolicy h) {
        return h == null
                ? null
                : new ListenerModel.HealthCheck(Protocol.of(h.getProtocol()), h.getPath(),
                        Optional.ofNullable(h.getPort()).map(Math::toIntExact).orElse(null), h.getHealthyThreshold(),
                        h.getUnhealthyThreshold(), Duration.ofMillis(h.getTimeoutMillis()),
                        Duration.ofMillis(h.getIntervalMillis()));
    }

    /** An App Mesh duration ({@code s} or {@code ms}); null stays null. */
    static Duration duration(io.appmesh.operator.api.v1beta2.common.Duration d) {
        if (d == null || d.getValue() == null) {
            return null;
        }
        return "ms".equals(d.getUnit()) ? Duration.ofMillis(d.getValue()) : Duration.ofSeconds(d.getValue());
    }
}
