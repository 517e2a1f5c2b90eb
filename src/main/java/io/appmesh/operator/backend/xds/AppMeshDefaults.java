package io.appmesh.operator.backend.xds;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.appmesh.operator.mesh.model.RouteModel;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;

/**
 * App Mesh's hidden defaults, in one place: what its management service put into every proxy's configuration
 * without the user asking (App Mesh user guide "Envoy defaults", routes and virtual nodes pages; roadmap #229, #284).
 */
final class AppMeshDefaults {

    private AppMeshDefaults() {
    }

    /** Where iptables sends a pod's inbound traffic. */
    static final int INGRESS_PORT = 15000;
    /** Where iptables sends a pod's outbound traffic. */
    static final int EGRESS_PORT = 15001;

    /** Per-request timeout of a caller's route and of the target's listener, unless set (0 disables). */
    static final Duration PER_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** Stream idle timeout of HTTP/gRPC routes and TCP proxies, unless set. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(300);
    /** Connect timeout of every cluster (App Mesh's DNS clusters show 1 s). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Connect timeout of a gateway's self-redirect cluster (App Mesh's dump). */
    static final Duration SELF_REDIRECT_CONNECT_TIMEOUT = Duration.ofMillis(250);
    /** The header naming the target service when a gateway route keeps the client's host (App Mesh's dump). */
    static final String VIRTUAL_SERVICE_HEADER = "x-app-mesh-virtual-service";
    /** Every circuit-breaker threshold not set by a connection pool: 2^31-1, i.e. none. */
    static final long UNLIMITED = Integer.MAX_VALUE;
    /** Host re-selection attempts of every retry (other hosts preferred). */
    static final long HOST_SELECTION_ATTEMPTS = 5;
    /** Domains always reachable from a mesh, whatever its egress filter (matched by TLS SNI). */
    static final List<String> AWS_DOMAINS = List.of("*.amazonaws.com");

    /** The default retry policy: 2 retries on unavailable, connect-failure, refused-stream, 503 and reset. */
    static RetryPolicy defaultRetryPolicy() {
        return retryPolicy("unavailable,connect-failure,refused-stream,retriable-status-codes,reset", 2, null,
                Set.of(503));
    }

    /**
     * A user's retry policy: http events server-error (500-511), gateway-error (502-504), client-error (409),
     * stream-error (refused-stream); tcp connection-error (connect-failure); gRPC events as they are; reset always.
     */
    static RetryPolicy retryPolicy(RouteModel.RetryModel retry) {
        Set<String> on = new LinkedHashSet<>();
        Set<Integer> codes = new TreeSet<>();
        for (String event : retry.httpEvents()) {
            switch (event) {
                case "server-error" -> {
                    for (int code = 500; code <= 511; code++) {
                        codes.add(code);
                    }
                }
                case "gateway-error" -> codes.addAll(List.of(502, 503, 504));
                case "client-error" -> codes.add(409);
                case "stream-error" -> on.add("refused-stream");
                default -> throw new IllegalArgumentException("unknown http retry event " + event);
            }
        }
        for (String event : retry.tcpEvents()) {
            if (!"connection-error".equals(event)) {
                throw new IllegalArgumentException("unknown tcp retry event " + event);
            }
            on.add("connect-failure");
        }
        on.addAll(retry.grpcEvents());
        on.add("reset");
        if (!codes.isEmpty()) {
            on.add("retriable-status-codes");
        }
        return retryPolicy(String.join(",", on), retry.maxRetries(), retry.perTry(), codes);
    }

    private static RetryPolicy retryPolicy(String on, long retries, Duration perTry, Set<Integer> codes) {
        RetryPolicy.Builder policy = RetryPolicy.newBuilder().setRetryOn(on).setNumRetries(Protos.uint32(retries))
                .addAllRetriableStatusCodes(new TreeSet<>(codes)).setHostSelectionRetryMaxAttempts(HOST_SELECTION_ATTEMPTS)
                .addRetryHostPredicate(RetryPolicy.RetryHostPredicate.newBuilder()
                        .setName("envoy.retry_host_predicates.previous_hosts")
                        .setTypedConfig(Protos.any(PreviousHostsPredicate.getDefaultInstance())));
        if (perTry != null) {
            policy.setPerTryTimeout(Protos.duration(perTry));
        }
        return policy.build();
    }

    /** Circuit breakers at the default priority: the given limits, the rest unlimited. */
    static CircuitBreakers circuitBreakers(Long maxConnections, Long maxPendingRequests, Long maxRequests) {
        return CircuitBreakers.newBuilder().addThresholds(CircuitBreakers.Thresholds.newBuilder()
                .setMaxConnections(Protos.uint32(maxConnections == null ? UNLIMITED : maxConnections))
                .setMaxPendingRequests(Protos.uint32(maxPendingRequests == null ? UNLIMITED : maxPendingRequests))
                .setMaxRequests(Protos.uint32(maxRequests == null ? UNLIMITED : maxRequests))
                .setMaxRetries(Protos.uint32(UNLIMITED))).build();
    }
}
