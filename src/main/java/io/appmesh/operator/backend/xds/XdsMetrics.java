package io.appmesh.operator.backend.xds;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The xDS control plane's metrics (docs/metrics.md). Names follow Istio's pilot where one exists
 * ({@code pilot_xds_pushes}, {@code pilot_proxy_convergence_time}, {@code pilot_total_xds_rejects}), under an
 * {@code appmesh_xds_} prefix: they measure this control plane, not Istio's.
 */
public final class XdsMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> streams = new ConcurrentHashMap<>();
    private final Timer build;
    private final Counter translationFailures;

    public XdsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.build = Timer.builder("appmesh_xds_snapshot_build_seconds")
                .description("time to build every virtual node's snapshot from the served mesh")
                .publishPercentileHistogram().register(registry);
        this.translationFailures = Counter.builder("appmesh_xds_translation_failures_total")
                .description("virtual nodes whose translation failed (their proxies keep the last configuration)")
                .register(registry);
    }

    void built(long nanos, int changed) {
        build.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("appmesh_xds_snapshots_changed_total")
                .description("snapshots handed to the cache because their content changed").register(registry)
                .increment(changed);
    }

    void translationFailed() {
        translationFailures.increment();
    }

    /** A stream of this node group opened (+1) or closed (-1). */
    void stream(String group, int delta) {
        streams.computeIfAbsent(group, g -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("appmesh_xds_connected_streams", count, AtomicInteger::get)
                    .description("open xDS streams per virtual node").tag("node", g).register(registry);
            return count;
        }).addAndGet(delta);
    }

    /** A DiscoveryResponse went out; {@code sinceChange} is the time from the change it carries, or -1. */
    void pushed(String typeUrl, long sinceChangeNanos) {
        Counter.builder("appmesh_xds_pushes_total").description("DiscoveryResponses sent").tag("type", shortType(typeUrl))
                .register(registry).increment();
        if (sinceChangeNanos >= 0) {
            Timer.builder("appmesh_xds_push_latency_seconds")
                    .description("from a change of the mesh (before the debounce) to the DiscoveryResponse carrying it")
                    .tag("type", shortType(typeUrl)).publishPercentileHistogram().register(registry)
                    .record(sinceChangeNanos, TimeUnit.NANOSECONDS);
        }
    }

    void nack(String typeUrl, String group) {
        Counter.builder("appmesh_xds_nacks_total").description("configurations a proxy refused")
                .tag("type", shortType(typeUrl)).tag("node", group).register(registry).increment();
    }

    /** An ADS stream refused: its token (no-token, expired, unauthenticated, ...) or the node it asked for. */
    void denied(String reason) {
        Counter.builder("appmesh_xds_denied_total")
                .description("ADS streams refused: not authenticated, or asking for a node the pod may not read")
                .tag("reason", reason).register(registry).increment();
    }

    static String shortType(String typeUrl) {
        return switch (typeUrl) {
            case "type.googleapis.com/envoy.config.cluster.v3.Cluster" -> "cds";
            case "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment" -> "eds";
            case "type.googleapis.com/envoy.config.listener.v3.Listener" -> "lds";
            case "type.googleapis.com/envoy.config.route.v3.RouteConfiguration" -> "rds";
            case "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret" -> "sds";
            default -> "other";
        };
    }
}
