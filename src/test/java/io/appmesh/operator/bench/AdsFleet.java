package io.appmesh.operator.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;

import io.appmesh.operator.backend.xds.AdsClient;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;

/**
 * Many simulated Envoys for the benchmarks: state-of-the-world ADS streams multiplexed over a few gRPC channels (one
 * channel per {@code perChannel} streams, as many proxies behind one node's network would not share one, but the
 * operator's cost per stream is what is measured). Each stream behaves as an Envoy sidecar does: CDS and LDS wildcard
 * on connect (the node on the first request), EDS for the EDS clusters of each CDS answer and RDS for the route
 * configurations its listeners name (requested before the CDS/LDS answer is ACKed, as Envoy warms them), every answer
 * ACKed with its version and nonce. Callbacks run on the transport's threads; arrival times are {@link System#nanoTime}
 * of this JVM.
 */
final class AdsFleet implements AutoCloseable {

    static final List<String> TYPES = List.of(AdsClient.CDS, AdsClient.EDS, AdsClient.LDS, AdsClient.RDS);

    /** The last answer of one type on one stream, and when its version (first) arrived. */
    record Received(String version, long arrivedAt, DiscoveryResponse response, int count) {
    }

    private final List<ManagedChannel> channels = new ArrayList<>();
    final List<Stream> streams = new ArrayList<>();

    /** One stream per entry of {@code groups} (a node group may repeat: several proxies of one virtual node). */
    AdsFleet(int port, List<String> groups, int perChannel) {
        for (int i = 0; i < groups.size(); i++) {
            if (i % perChannel == 0) {
                channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor()
                        .maxInboundMessageSize(64 << 20).build());
            }
            streams.add(new Stream(channels.get(channels.size() - 1), groups.get(i), i));
        }
    }

    /** Streams that received an answer of every type. */
    long complete() {
        return streams.stream().filter(s -> TYPES.stream().allMatch(t -> s.latest.containsKey(t))).count();
    }

    /** The first stream that failed, as an exception, or null. */
    Throwable failure() {
        return streams.stream().map(s -> s.failed).filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        for (Stream s : streams) {
            s.close();
        }
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
        }
        for (ManagedChannel channel : channels) {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static final class Stream implements StreamObserver<DiscoveryResponse> {

        final String group;
        final Map<String, Received> latest = new ConcurrentHashMap<>();
        volatile Throwable failed;
        private final Node node;
        private final StreamObserver<DiscoveryRequest> requests;
        private final Map<String, List<String>> names = new HashMap<>();
        private final Map<String, DiscoveryResponse> acked = new HashMap<>();
        private boolean nodeSent;

        Stream(ManagedChannel channel, String group, int index) {
            this.group = group;
            this.node = Node.newBuilder().setId(group + "/pod-" + index).setCluster(group).setUserAgentName("envoy")
                    .build();
            synchronized (this) {
                requests = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(this);
                request(AdsClient.CDS, List.of(), null);
                request(AdsClient.LDS, List.of(), null);
            }
        }

        @Override
        public synchronized void onNext(DiscoveryResponse response) {
            long now = System.nanoTime();
            String type = response.getTypeUrl();
            Received previous = latest.get(type);
            latest.put(type, new Received(response.getVersionInfo(),
                    previous != null && previous.version().equals(response.getVersionInfo()) ? previous.arrivedAt() : now,
                    response, previous == null ? 1 : previous.count() + 1));
            try {
                if (type.equals(AdsClient.CDS)) {
                    List<String> eds = new ArrayList<>();
                    for (Any any : response.getResourcesList()) {
                        Cluster c = any.unpack(Cluster.class);
                        if (c.getType() == Cluster.DiscoveryType.EDS) {
                            String service = c.getEdsClusterConfig().getServiceName();
                            eds.add(service.isEmpty() ? c.getName() : service);
                        }
                    }
                    subscribe(AdsClient.EDS, eds);
                } else if (type.equals(AdsClient.LDS)) {
                    List<String> rds = new ArrayList<>();
                    for (Any any : response.getResourcesList()) {
                        Listener l = any.unpack(Listener.class);
                        List<FilterChain> chains = new ArrayList<>(l.getFilterChainsList());
                        if (l.hasDefaultFilterChain()) {
                            chains.add(l.getDefaultFilterChain());
                        }
                        for (FilterChain chain : chains) {
                            for (Filter f : chain.getFiltersList()) {
                                if (f.getTypedConfig().is(HttpConnectionManager.class)) {
                                    HttpConnectionManager hcm = f.getTypedConfig().unpack(HttpConnectionManager.class);
                                    if (hcm.hasRds() && !rds.contains(hcm.getRds().getRouteConfigName())) {
                                        rds.add(hcm.getRds().getRouteConfigName());
                                    }
                                }
                            }
                        }
                    }
                    subscribe(AdsClient.RDS, rds);
                }
            } catch (InvalidProtocolBufferException e) {
                failed = e;
                return;
            }
            acked.put(type, response);
            request(type, names.getOrDefault(type, List.of()), response);
        }

        /** (Re)subscribes to the named resources of a type when they changed, before the answer naming them is ACKed. */
        private void subscribe(String type, List<String> wanted) {
            List<String> sorted = wanted.stream().sorted().toList();
            if (!sorted.equals(names.get(type))) {
                names.put(type, sorted);
                request(type, sorted, acked.get(type));
            }
        }

        private void request(String type, List<String> resourceNames, DiscoveryResponse ack) {
            DiscoveryRequest.Builder request = DiscoveryRequest.newBuilder().setTypeUrl(type)
                    .addAllResourceNames(resourceNames);
            if (ack != null) {
                request.setVersionInfo(ack.getVersionInfo()).setResponseNonce(ack.getNonce());
            }
            if (!nodeSent) {
                request.setNode(node);
                nodeSent = true;
            }
            requests.onNext(request.build());
        }

        @Override
        public void onError(Throwable t) {
            failed = t;
        }

        @Override
        public void onCompleted() {
            failed = new IllegalStateException("the server completed the stream of " + group);
        }

        synchronized void close() {
            try {
                requests.onCompleted();
            } catch (RuntimeException ignored) {
                // the stream may have failed already
            }
        }
    }
}
