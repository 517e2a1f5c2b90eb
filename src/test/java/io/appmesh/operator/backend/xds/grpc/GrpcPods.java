package io.appmesh.operator.backend.xds.grpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.HandlerRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;

/**
 * gRPC servers playing a VirtualNode's pods, each on its own loopback address (127.0.0.2, 127.0.0.3, …; Linux routes
 * all of 127/8 to the loopback interface) at the node's listener port, as EDS names them. Every pod answers any
 * unary method (a hand-written {@link MethodDescriptor} with a UTF-8 string marshaller: no protoc) with its name, and
 * can be told to fail its next calls with UNAVAILABLE.
 */
public final class GrpcPods implements AutoCloseable {

    /** Strings as UTF-8 bytes on the wire. */
    public static final MethodDescriptor.Marshaller<String> STRING = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** A unary method {@code <service>/<method>} (gRPC's full method name: the path without its leading slash). */
    public static MethodDescriptor<String, String> method(String fullMethodName) {
        return MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethodName).setRequestMarshaller(STRING).setResponseMarshaller(STRING).build();
    }

    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final List<Server> servers = new ArrayList<>();
    private final Map<String, Server> byPod = new ConcurrentHashMap<>();

    /** Starts a pod answering at {@code ip:port}. */
    public Pod start(String name, String ip, int port) throws IOException {
        Pod pod = new Pod(name);
        HandlerRegistry anyMethod = new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                return ServerMethodDefinition.create(method(methodName),
                        ServerCalls.asyncUnaryCall((request, response) -> {
                            pod.calls.incrementAndGet();
                            if (pod.failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                response.onError(Status.UNAVAILABLE.withDescription(name + " failing").asException());
                            } else {
                                response.onNext(name);
                                response.onCompleted();
                            }
                        }));
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(ip, port)).fallbackHandlerRegistry(anyMethod)
                .build().start();
        servers.add(server);
        byPod.put(name, server);
        pods.put(name, pod);
        return pod;
    }

    public Pod pod(String name) {
        return pods.get(name);
    }

    /**
     * Stops one pod as a deleted pod stops: its connections are closed, so a call still routed to it fails rather
     * than being answered by a pod the mesh no longer has.
     */
    public void stop(String name) throws InterruptedException {
        Server server = byPod.remove(name);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Forgets calls and pending failures of every pod (between tests). */
    public void reset() {
        pods.values().forEach(p -> {
            p.calls.set(0);
            p.failing.set(0);
        });
    }

    @Override
    public void close() throws InterruptedException {
        for (Server server : servers) {
            server.shutdownNow();
        }
        for (Server server : servers) {
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One pod: how many calls reached it, how many of the next ones fail. */
    public static final class Pod {

        private final String name;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger failing = new AtomicInteger();

        private Pod(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The calls that reached this pod, failed ones included. */
        public int calls() {
            return calls.get();
        }

        /** The next {@code n} calls reaching this pod fail with UNAVAILABLE. */
        public void failNext(int n) {
            failing.set(n);
        }
    }
}
