package io.appmesh.operator.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.SslContext;

/**
 * Many simulated Envoys for the benchmarks: state-of-the-world ADS streams multiplexed over a few gRPC channels (one
 * channel per {@code perChannel} streams, as many proxies behind one node's network would not share one, but the
 * operator's cost per stream is what is measured). Each stream behaves as an Envoy sidecar does: CDS and LDS wildcard
 * on connect (the node on the first request), EDS for the EDS clusters of each CDS answer and RDS for the route
 * configurations its listeners name (requested before the CDS/LDS answer is ACKed, as Envoy warms them), every answer
 * ACKed with its version and nonce. Callbacks run on the transport's threads; arrival times are {@link System#nanoTime}
 * of this JVM.
 * <p>
 * A fleet of {@link Pod pods} is the authenticated variant: one TLS connection per stream (each Envoy has its own), its
 * pod's token in {@code authorization: Bearer}, and a stream closed with UNAVAILABLE (the operator's {@code busy} or
 * {@code review-failed}) opened again on the same connection after a jittered exponential backoff, as Envoy's gRPC mux
 * does: the n-th retry waits between {@code base * 2^(n-1)} and twice that, at most 30 s.
 */
final class AdsFleet implements AutoCloseable {

    static final List<String> TYPES = List.of(AdsClient.CDS, AdsClient.EDS, AdsClient.LDS, AdsClient.RDS);

    /** The last answer of one type on one stream, and when its version (first) arrived. */
    record Received(String version, long arrivedAt, DiscoveryResponse response, int count) {
    }

    /** One simulated Envoy of the authenticated fleet: its node group and its pod's projected token. */
    record Pod(String group, String token) {
    }

    /** How long a refused stream waits before its first retry, at least (Envoy: 500 ms); a retry waits up to twice that. */
    static final long RETRY_BASE_MILLIS = 500;
    private static final long RETRY_MAX_MILLIS = 30_000;

    private final List<ManagedChannel> channels = new ArrayList<>();
    final List<Stream> streams = new ArrayList<>();
    /** Streams opened again after an UNAVAILABLE refusal, by the refusal's description. */
    final Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService backoff;

    /** One stream per entry of {@code groups} (a node group may repeat: several proxies of one virtual node). */
    AdsFleet(int port, List<String> groups, int perChannel) {
        backoff = null;
        for (int i = 0; i < groups.size(); i++) {
            if (i % perChannel == 0) {
                channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor()
                        .maxInboundMessageSize(64 << 20).build());
            }
            streams.add(new Stream(this, channels.get(channels.size() - 1), groups.get(i), i));
        }
    }

    /**
     * One authenticated stream per pod, each on its own TLS connection trusting {@code tls}'s CA, all opened now (the
     * connections are made by their first stream). Refused streams are retried (above).
     */
    AdsFleet(int port, SslContext tls, List<Pod> pods) {
        backoff = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ads-fleet-backoff");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < pods.size(); i++) {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + pods.get(i).token());
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(tls)
                    .directExecutor().maxInboundMessageSize(64 << 20)
                    .intercept(MetadataUtils.newAttachHeadersInterceptor(headers)).build();
            channels.add(channel);
            streams.add(new Stream(this, channel, pods.get(i).group(), i));
        }
    }

    /** Streams that received a CDS answer. */
    long withClusters() {
        return streams.stream().filter(s -> s.latest.containsKey(AdsClient.CDS)).count();
    }

    /** Retries made so far, over all refusal descriptions. */
    int retried() {
        return retries.values().stream().mapToInt(AtomicInteger::get).sum();
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
        if (backoff != null) {
            backoff.shutdownNow();
        }
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
        /** Times this stream was opened (1 + its retries). */
        volatile int attempts;
        private final AdsFleet fleet;
        private final ManagedChannel channel;
        private final Node node;
        private StreamObserver<DiscoveryRequest> requests;
        private final Map<String, List<String>> names = new HashMap<>();
        private final Map<String, DiscoveryResponse> acked = new HashMap<>();
        private boolean nodeSent;
        private boolean closed;

        Stream(AdsFleet fleet, ManagedChannel channel, String group, int index) {
            this.fleet = fleet;
            this.channel = channel;
            this.group = group;
            this.node = Node.newBuilder().setId(group + "/pod-" + index).setCluster(group).setUserAgentName("envoy")
                    .build();
            open();
        }

        /** A new ADS call, as Envoy opens one: CDS and LDS wildcard, the node on the first request. */
        private synchronized void open() {
            if (closed) {
                return;
            }
            attempts++;
            names.clear();
            acked.clear();
            nodeSent = false;
            requests = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(this);
            request(AdsClient.CDS, List.of(), null);
            request(AdsClient.LDS, List.of(), null);
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
            Status status = Status.fromThrowable(t);
            if (fleet.backoff == null || status.getCode() != Status.Code.UNAVAILABLE || !latest.isEmpty()) {
                // Only a refusal before anything was served is retried: that is what is measured.
                failed = t;
                return;
            }
            fleet.retries.computeIfAbsent(String.valueOf(status.getDescription()), d -> new AtomicInteger())
                    .incrementAndGet();
            long floor = Math.min(RETRY_MAX_MILLIS / 2, RETRY_BASE_MILLIS << Math.min(attempts - 1, 16));
            long delay = floor + ThreadLocalRandom.current().nextLong(floor + 1);
            try {
                fleet.backoff.schedule(this::open, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the fleet is being closed
            }
        }

        @Override
        public void onCompleted() {
            failed = new IllegalStateException("the server completed the stream of " + group);
        }

        synchronized void close() {
            closed = true;
            try {
                requests.onCompleted();
            } catch (RuntimeException ignored) {
                // the stream may have failed already
            }
        }
    }
}
