package io.appmesh.operator.backend.xds;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.SslContext;

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
    private Node node;
    private boolean nodeSent;

    /** A plaintext, unauthenticated client (a server with {@code appmesh.xds.tls.enabled=false}, no authentication). */
    public AdsClient(int port, String nodeGroup) {
        this(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build(), envoy(nodeGroup));
    }

    /**
     * A client as an injected Envoy connects: TLS trusting the build's self-signed webhook certificate (what the
     * operator serves in tests), {@code authorization: Bearer <token>} on the stream (none when null).
     */
    public static AdsClient secure(int port, String token, Node node) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(trustingTestCa());
        if (token != null) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        return new AdsClient(builder.build(), node);
    }

    public static AdsClient secure(int port, String token, String nodeGroup) {
        return secure(port, token, envoy(nodeGroup));
    }

    /** The node an Envoy of that group sends. */
    public static Node envoy(String nodeGroup) {
        return Node.newBuilder().setId(nodeGroup).setCluster(nodeGroup).setUserAgentName("envoy").build();
    }

    /** The node a proxyless grpc-java client of that virtual node sends (its group is {@code grpc/<nodeGroup>}). */
    public static Node grpcJava(String nodeGroup) {
        return Node.newBuilder().setId(nodeGroup).setCluster(nodeGroup).setUserAgentName("gRPC Java").build();
    }

    /** The build's CA file, which the operator's test certificate chains to. */
    public static SslContext trustingTestCa() {
        try {
            return GrpcSslContexts.forClient().trustManager(new File("target/certs/webhook-ca.crt")).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AdsClient(ManagedChannel channel, Node node) {
        this.channel = channel;
        this.node = node;
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
                .setErrorDetail(com.google.rpc.Status.newBuilder().setCode(3).setMessage(error)));
    }

    /** The next request names this node (as a proxy whose identity changed mid-stream would). */
    public synchronized void switchNode(Node other) {
        node = other;
        nodeSent = false;
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

    /** Fails if the server pushes anything within {@code wait} (what a refused or unchanged update must not do). */
    public void assertNothingPushed(Duration wait, String why) throws InterruptedException {
        DiscoveryResponse pushed = next(wait);
        if (pushed != null) {
            throw new AssertionError("nothing pushed for " + why + "; got " + pushed.getTypeUrl());
        }
    }

    /**
     * The status the server closed the stream with, failing if a response came first (a refused stream must not have
     * been sent anything) or nothing came within {@code wait}.
     */
    public Status.Code refusedWith(Duration wait) throws InterruptedException {
        Object next = responses.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (next instanceof DiscoveryResponse response) {
            throw new AssertionError("a response came before the stream closed: " + response.getTypeUrl() + " "
                    + response.getResourcesList().size() + " resources");
        }
        if (next == null) {
            throw new AssertionError("the stream was neither answered nor closed within " + wait);
        }
        return Status.fromThrowable((Throwable) next).getCode();
    }

    /**
     * The status the server closes an established stream with, whatever it was sent before (responses are skipped),
     * failing if it is still open after {@code wait}.
     */
    public Status.Code closedWith(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Object next = responses.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("the stream was still open after " + wait);
            }
            if (next instanceof Throwable t) {
                return Status.fromThrowable(t).getCode();
            }
        }
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
