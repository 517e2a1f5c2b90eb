package io.appmesh.operator.mesh.model;

import java.time.Duration;

/**
 * A virtual node listener: the port the application serves on and the policies around it.
 *
 * @param perRequest the per-request timeout (http/http2/grpc), or null for the backend's default
 * @param idle the idle timeout, or null for the backend's default
 * @param pool the connection pool, or null
 * @param outlier outlier detection (applied by callers), or null
 * @param healthCheck the active health check (applied by callers), or null
 * @param tls the listener's TLS (STRICT or PERMISSIVE), or null for plaintext (none, or mode DISABLED)
 */
public record ListenerModel(int port, Protocol protocol, Duration perRequest, Duration idle, ConnectionPool pool,
        Outlier outlier, HealthCheck healthCheck, TlsModel.Listener tls) {

    /** A plaintext listener. */
    public ListenerModel(int port, Protocol protocol, Duration perRequest, Duration idle, ConnectionPool pool,
            Outlier outlier, HealthCheck healthCheck) {
        this(port, protocol, perRequest, idle, pool, outlier, healthCheck, null);
    }

    /** Limits of the connection pool; a null field is unlimited. */
    public record ConnectionPool(Long maxConnections, Long maxPendingRequests, Long maxRequests) {
    }

    /** Ejection of a caller's upstream host after {@code maxServerErrors} consecutive server errors. */
    public record Outlier(long maxServerErrors, Duration interval, Duration baseEjection, long maxEjectionPercent) {
    }

    /** An active health check; {@code path} only for http/http2; a null port means the listener's. */
    public record HealthCheck(Protocol protocol, String path, Integer port, long healthyThreshold,
            long unhealthyThreshold, Duration timeout, Duration interval) {
    }
}
