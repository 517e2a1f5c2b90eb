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

    /** One ADS stream: its node group, when it opened, and the pod it comes from when the proxy says (or null). */
    private record Stream(String group, long openedAt, String podUid) {
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
            stream = new Stream(NodeGroups.of(request.getNode()), System.nanoTime(), podUid(request.getNode()));
            if (streams.putIfAbsent(streamId, stream) == null) {
                metrics.stream(stream.group(), 1);
                snapshots.connected(stream.group());
            }
        }
        if (stream == null) {
            return;
        }
        if (request.hasErrorDetail()) {
            String message = (stream.podUid() == null ? "" : "pod " + stream.podUid() + ": ")
                    + request.getErrorDetail().getMessage();
            LOG.warnf("xDS: a proxy of %s rejected %s (nonce %s): %s", stream.group(), request.getTypeUrl(),
                    request.getResponseNonce(), message);
            metrics.nack(request.getTypeUrl(), stream.group());
            feedback.nacked(stream.group(), request.getTypeUrl(), message);
        } else if (!request.getResponseNonce().isEmpty()) {
            feedback.acked(stream.group(), request.getTypeUrl());
        }
    }

    /**
     * The pod a proxy runs in: aws-appmesh-envoy puts {@code aws.appmesh.platformInfo.k8sPlatformInfo.podUid} in the node
     * metadata when the injector sets {@code APPMESH_PLATFORM_K8S_POD_UID}.
     */
    static String podUid(io.envoyproxy.envoy.config.core.v3.Node node) {
        var platform = node.getMetadata().getFieldsMap().get("aws.appmesh.platformInfo");
        if (platform == null || !platform.hasStructValue()) {
            return null;
        }
        var k8s = platform.getStructValue().getFieldsMap().get("k8sPlatformInfo");
        if (k8s == null || !k8s.hasStructValue()) {
            return null;
        }
        var uid = k8s.getStructValue().getFieldsMap().get("podUid");
        return uid == null || uid.getStringValue().isEmpty() ? null : uid.getStringValue();
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
