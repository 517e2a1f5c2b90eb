package io.appmesh.operator.backend.xds;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;

/**
 * Follows each ADS stream: which virtual node it belongs to (the node is sent on the first request only), ACKs and
 * NACKs ({@link ProxyFeedback}), and the metrics (connected streams, pushes, push latency, NACKs).
 */
final class StreamCallbacks implements DiscoveryServerCallbacks {

    private static final Logger LOG = Logger.getLogger(StreamCallbacks.class);

    private record Stream(String group, long openedAt) {
    }

    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();
    private final XdsSnapshots snapshots;
    private final ProxyFeedback feedback;
    private final XdsMetrics metrics;

    StreamCallbacks(XdsSnapshots snapshots, ProxyFeedback feedback, XdsMetrics metrics) {
        this.snapshots = snapshots;
        this.feedback = feedback;
        this.metrics = metrics;
    }

    @Override
    public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
        Stream stream = streams.get(streamId);
        if (stream == null && request.hasNode()) {
            stream = new Stream(NodeGroups.of(request.getNode()), System.nanoTime());
            if (streams.putIfAbsent(streamId, stream) == null) {
                metrics.stream(stream.group(), 1);
                snapshots.connected(stream.group());
            }
        }
        if (stream == null) {
            return;
        }
        if (request.hasErrorDetail()) {
            String message = request.getErrorDetail().getMessage();
            LOG.warnf("xDS: a proxy of %s rejected %s version %s: %s", stream.group(), request.getTypeUrl(),
                    request.getResponseNonce(), message);
            metrics.nack(request.getTypeUrl(), stream.group());
            feedback.nacked(stream.group(), request.getTypeUrl(), message);
        } else if (!request.getResponseNonce().isEmpty()) {
            feedback.acked(stream.group(), request.getTypeUrl());
        }
    }

    @Override
    public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
        // Delta xDS is not served yet (state of the world only); java-control-plane answers it from the same cache.
    }

    @Override
    public void onV3StreamResponse(long streamId, DiscoveryRequest request, DiscoveryResponse response) {
        Stream stream = streams.get(streamId);
        long changedAt = stream == null ? -1 : snapshots.changedAt(stream.group());
        // Latency only for a change made while the stream was open: the first answers of a new stream are not pushes.
        metrics.pushed(response.getTypeUrl(),
                changedAt >= 0 && stream.openedAt() < changedAt ? System.nanoTime() - changedAt : -1);
    }

    @Override
    public void onStreamClose(long streamId, String typeUrl) {
        closed(streamId);
    }

    @Override
    public void onStreamCloseWithError(long streamId, String typeUrl, Throwable error) {
        closed(streamId);
    }

    private void closed(long streamId) {
        Stream stream = streams.remove(streamId);
        if (stream != null) {
            metrics.stream(stream.group(), -1);
        }
    }
}
