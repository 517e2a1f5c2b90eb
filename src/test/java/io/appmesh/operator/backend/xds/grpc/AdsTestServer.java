package io.appmesh.operator.backend.xds.grpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;

import io.appmesh.operator.backend.xds.EnvoyResources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.controlplane.server.DiscoveryServerCallbacks;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;

/**
 * An ADS server for tests: java-control-plane's {@link V3DiscoveryServer} over a {@link SimpleCache} that groups
 * nodes by {@code node.cluster} (the operator's {@code mesh/<mesh>/virtualNode/<node>}), on grpc-java's Netty
 * transport at 127.0.0.1 on a free port. It records every NACK (a request carrying {@code error_detail}), every node
 * that connected, and the version each node last acknowledged per type, so tests can wait for a push to be applied
 * and assert that nothing was refused.
 */
public final class AdsTestServer implements AutoCloseable {

    private final SimpleCache<String> cache = new SimpleCache<>(Node::getCluster);
    private final List<DiscoveryRequest> nacks = new CopyOnWriteArrayList<>();
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, String> acked = new ConcurrentHashMap<>();
    private final Server server;

    private AdsTestServer() throws IOException {
        DiscoveryServerCallbacks callbacks = new DiscoveryServerCallbacks() {
            @Override
            public void onV3StreamRequest(long streamId, DiscoveryRequest request) {
                if (request.hasNode()) {
                    nodes.put(request.getNode().getId(), request.getNode());
                }
                if (request.hasErrorDetail()) {
                    nacks.add(request);
                } else if (!request.getVersionInfo().isEmpty()) {
                    // an ACK: the version the client applied (grpc-xds sends the node in every request)
                    acked.put(request.getNode().getCluster() + " " + request.getTypeUrl(), request.getVersionInfo());
                }
            }

            @Override
            public void onV3StreamDeltaRequest(long streamId, DeltaDiscoveryRequest request) {
                if (request.hasErrorDetail()) {
                    throw new AssertionError("delta xDS is not expected: " + request);
                }
            }
        };
        V3DiscoveryServer discovery = new V3DiscoveryServer(callbacks, cache);
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(discovery.getAggregatedDiscoveryServiceImpl()).build().start();
    }

    public static AdsTestServer start() throws IOException {
        return new AdsTestServer();
    }

    /** The address a client bootstrap's {@code server_uri} names. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /**
     * Serves the resources to the nodes of a group. Each type's version is a hash of its content, so an unchanged
     * type is not pushed again and a changed one always gets a new version.
     */
    public void setSnapshot(String group, EnvoyResources r) {
        cache.setSnapshot(group, Snapshot.create(r.clusters(), version(r.clusters()), r.endpoints(),
                version(r.endpoints()), r.listeners(), version(r.listeners()), r.routes(), version(r.routes()),
                List.of(), version(List.of())));
    }

    /** The version of a type's resources as {@link #setSnapshot} names it. */
    public static String version(List<? extends Message> resources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Message m : resources) {
                // deterministic: map fields (metadata, typed extension options) in key order
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                CodedOutputStream out = CodedOutputStream.newInstance(bytes);
                out.useDeterministicSerialization();
                m.writeTo(out);
                out.flush();
                sha.update(bytes.toByteArray());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version a node of the group last acknowledged for a type URL, or null. */
    public String acked(String group, String typeUrl) {
        return acked.get(group + " " + typeUrl);
    }

    /** Every request that carried an {@code error_detail}: a client refused what it was sent. */
    public List<DiscoveryRequest> nacks() {
        return List.copyOf(nacks);
    }

    /** The nodes that connected, by id. */
    public Map<String, Node> nodes() {
        return Map.copyOf(nodes);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
