package io.appmesh.operator.backend.xds.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;

import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * A recording relay in front of an ADS server that is not the test's own (the packaged operator): each ADS stream a
 * client opens here is forwarded, message by message, on a stream of its own to the upstream server, and what crosses
 * it is kept, so a test can read what the client acknowledged — the version it applied per type — and whether it
 * refused anything. When the upstream stream ends (the server stopped) the client's stream ends with the same status,
 * so the client sees the loss as it would without the relay; only its TCP connection stays up.
 */
public final class AdsRelay implements AutoCloseable {

    private static final String SERVICE = "envoy.service.discovery.v3.AggregatedDiscoveryService";

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The messages are relayed as bytes: the relay changes nothing, it only parses a copy to record it. */
    private static final MethodDescriptor<byte[], byte[]> ADS = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
            .setFullMethodName(SERVICE + "/StreamAggregatedResources").setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES).build();

    /** One client stream: the requests the client sent and the responses the server sent, in order. */
    public static final class Stream {

        private final List<DiscoveryRequest> requests = new CopyOnWriteArrayList<>();
        private final List<DiscoveryResponse> responses = new CopyOnWriteArrayList<>();

        public List<DiscoveryRequest> requests() {
            return List.copyOf(requests);
        }

        public List<DiscoveryResponse> responses() {
            return List.copyOf(responses);
        }

        /**
         * The version the client last acknowledged for a type on this stream: a request answering a response's nonce
         * without an error, or null.
         */
        public String acked(String typeUrl) {
            String version = null;
            for (DiscoveryRequest r : requests) {
                if (r.getTypeUrl().equals(typeUrl) && !r.getResponseNonce().isEmpty() && !r.hasErrorDetail()) {
                    version = r.getVersionInfo();
                }
            }
            return version;
        }

        /** The version of the server's last response of a type on this stream, or null. */
        public String sent(String typeUrl) {
            DiscoveryResponse last = last(typeUrl);
            return last == null ? null : last.getVersionInfo();
        }

        /** The server's last response of a type on this stream, or null. */
        public DiscoveryResponse last(String typeUrl) {
            DiscoveryResponse last = null;
            for (DiscoveryResponse r : responses) {
                if (r.getTypeUrl().equals(typeUrl)) {
                    last = r;
                }
            }
            return last;
        }

        /** The client's first request of a type on this stream (what it holds when it (re)subscribes), or null. */
        public DiscoveryRequest first(String typeUrl) {
            return requests.stream().filter(r -> r.getTypeUrl().equals(typeUrl)).findFirst().orElse(null);
        }
    }

    private final ManagedChannel upstream;
    private final Server server;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    private AdsRelay(ManagedChannel upstream) throws IOException {
        this.upstream = upstream;
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(ADS, ServerCalls.asyncBidiStreamingCall(this::relay)).build();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build()
                .start();
    }

    /** A relay on a free loopback port to the ADS server at {@code 127.0.0.1:port}. */
    public static AdsRelay start(int port) throws IOException {
        return new AdsRelay(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    }

    /** The address a client bootstrap's {@code server_uri} names. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Every stream clients opened, oldest first. */
    public List<Stream> streams() {
        return new ArrayList<>(streams);
    }

    /** Every request that refused a response ({@code error_detail}), on any stream. */
    public List<DiscoveryRequest> nacks() {
        return streams.stream().flatMap(s -> s.requests.stream()).filter(DiscoveryRequest::hasErrorDetail).toList();
    }

    private StreamObserver<byte[]> relay(StreamObserver<byte[]> client) {
        Stream stream = new Stream();
        streams.add(stream);
        StreamObserver<byte[]> server = ClientCalls.asyncBidiStreamingCall(upstream.newCall(ADS, CallOptions.DEFAULT),
                new StreamObserver<>() {
                    @Override
                    public void onNext(byte[] response) {
                        stream.responses.add(parse(() -> DiscoveryResponse.parseFrom(response)));
                        client.onNext(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        client.onError(Status.fromThrowable(t).asException());
                    }

                    @Override
                    public void onCompleted() {
                        client.onCompleted();
                    }
                });
        return new StreamObserver<>() {
            @Override
            public void onNext(byte[] request) {
                stream.requests.add(parse(() -> DiscoveryRequest.parseFrom(request)));
                server.onNext(request);
            }

            @Override
            public void onError(Throwable t) {
                server.onError(t);
            }

            @Override
            public void onCompleted() {
                server.onCompleted();
            }
        };
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parser<T> parser) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        upstream.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        upstream.awaitTermination(5, TimeUnit.SECONDS);
    }
}
