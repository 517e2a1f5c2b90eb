package io.appmesh.operator.backend.xds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Status;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A state-of-the-world ADS client as an Envoy drives one, for tests: one stream, requests per type with the node on the
 * first, ACKs and NACKs by nonce, and the responses in the order they arrived.
 */
public final class AdsClient implements AutoCloseable {

    public static final String CDS = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    public static final String EDS = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
    public static final String LDS = "type.googleapis.com/envoy.config.listener.v3.Listener";
    public static final String RDS = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";

    private final ManagedChannel channel;
    private final StreamObserver<DiscoveryRequest> requests;
    private final BlockingQueue<Object> responses = new LinkedBlockingQueue<>();
    private final Node node;
    private boolean nodeSent;

    public AdsClient(int port, String nodeGroup) {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        node = Node.newBuilder().setId(nodeGroup).setCluster(nodeGroup).setUserAgentName("envoy").build();
        requests = AggregatedDiscoveryServiceGrpc.newStub(channel)
                .streamAggregatedResources(new StreamObserver<DiscoveryResponse>() {
                    @Override
                    public void onNext(DiscoveryResponse response) {
                        responses.add(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        responses.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        responses.add(new IllegalStateException("stream completed"));
                    }
                });
    }

    /** Subscribes to a type (all of it: wildcard for CDS/LDS, the named resources for EDS/RDS). */
    public void subscribe(String typeUrl, List<String> names, String version) {
        send(DiscoveryRequest.newBuilder().setTypeUrl(typeUrl).addAllResourceNames(names).setVersionInfo(version));
    }

    public void ack(DiscoveryResponse response, List<String> names) {
        send(DiscoveryRequest.newBuilder().setTypeUrl(response.getTypeUrl()).addAllResourceNames(names)
                .setVersionInfo(response.getVersionInfo()).setResponseNonce(response.getNonce()));
    }

    /** Refuses a response as Envoy does: the previous version, the refused nonce and the error text. */
    public void nack(DiscoveryResponse response, List<String> names, String previousVersion, String error) {
        send(DiscoveryRequest.newBuilder().setTypeUrl(response.getTypeUrl()).addAllResourceNames(names)
                .setVersionInfo(previousVersion).setResponseNonce(response.getNonce())
                .setErrorDetail(Status.newBuilder().setCode(3).setMessage(error)));
    }

    private synchronized void send(DiscoveryRequest.Builder request) {
        if (!nodeSent) {
            request.setNode(node);
            nodeSent = true;
        }
        requests.onNext(request.build());
    }

    /** The next response, or null when none came within {@code wait}. */
    public DiscoveryResponse next(Duration wait) throws InterruptedException {
        Object next = responses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (next instanceof Throwable t) {
            throw new IllegalStateException("the ADS stream failed", t);
        }
        return (DiscoveryResponse) next;
    }

    public static <T extends Message> List<T> resources(DiscoveryResponse response, Class<T> type) {
        return response.getResourcesList().stream().map(any -> {
            try {
                return any.unpack(type);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        try {
            requests.onCompleted();
        } catch (RuntimeException ignored) {
            // the stream may have failed already
        }
        channel.shutdownNow();
    }
}
