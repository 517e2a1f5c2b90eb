package io.appmesh.operator.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.appmesh.operator.backend.xds.AdsClient;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.sandbox.TokenAuthority;
import io.appmesh.operator.testing.Fixtures;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.netty.handler.ssl.SslContext;

/**
 * The {@code channel} scenario of {@code make bench-xds}: what TLS and pod authentication (docs/xds.md, "The channel")
 * cost on the packaged operator. A mesh of {@code pods / 10} VirtualNodes, {@code pods} Ready pods in the API server
 * (10 per node, labelled as their node selects them), each pod's simulated Envoy with its own projected token
 * ({@link TokenAuthority#podToken}) and its own TLS connection ({@link AdsFleet.Pod}):
 * <ol>
 * <li>cold: every pod opens its stream at once, as after an operator restart (no review cached): the time until every
 * stream has its CDS answer, the streams refused {@code busy} (more than {@code MAX_CONCURRENT_REVIEWS} reviews at once)
 * and retried with Envoy's backoff, the TokenReviews the API server answered;</li>
 * <li>warm: the same pods reconnect (new connections, same tokens: every review cached);</li>
 * <li>new tokens: the same pods with new tokens on the warmed-up operator (the reviews without the JIT's warm-up), with
 * the test API server answering each review {@code bench.channel.review-delays} ms later (0, 20 and 100 by default: what
 * a real API server's latency would do to the cap);</li>
 * <li>plaintext: a second operator with {@code tls.enabled=false, authenticate=false}, same mesh and pods, the same
 * streams at once (one connection each), twice;</li>
 * <li>one stream at a time, connect to first CDS answer, interleaved: plaintext (the second operator), TLS with a cached
 * token, TLS with a new token (a review each).</li>
 * </ol>
 * Timings are printed, never asserted.
 */
final class XdsChannelBenchmark {

    private static final String AUDIENCE = "appmesh-xds";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private XdsChannelBenchmark() {
    }

    static void channel() throws Exception {
        int pods = Integer.getInteger("bench.channel.pods", 500);
        int perNode = Integer.getInteger("bench.channel.pods-per-node", 10);
        int singles = Integer.getInteger("bench.channel.singles", 50);
        int warmup = Integer.getInteger("bench.channel.warmup", 10);
        int nodes = (pods + perNode - 1) / perNode;
        System.out.printf("%nchannel: packaged operator (%s), TLS + TokenReview on, %d-node mesh, %d pods (%d per node);"
                + " Java %s, %d processors; load average %s%n", String.join(" ", XdsServingBenchmark.JVM), nodes, pods,
                perNode, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                XdsServingBenchmark.loadAverage());
        SslContext tls = AdsClient.trustingTestCa();
        try (XdsServingBenchmark.Served served = XdsServingBenchmark.serve(nodes, "bench-xds-channel.log", true)) {
            LocalOperator operator = served.operator();
            System.out.printf("  operator ready after %.1f s; mesh Active after %.1f s%n",
                    operator.readyAfter().toMillis() / 1000.0, served.activeSeconds());
            long start = System.nanoTime();
            List<Pod> running = runPods(served, pods, perNode);
            System.out.printf("  %d pods created and Ready in %.1f s%n", pods, (System.nanoTime() - start) / 1e9);
            List<AdsFleet.Pod> fleet = fleet(served, running, perNode, Instant.now().plusSeconds(3600));
            // The operator's pod informer must hold every pod before its stream is authorized (else pod-not-found).
            Thread.sleep(3000);
            reviewLatency(served.client(), fleet.get(0).token());

            System.out.printf("  1. cold: %d streams opened at once, no review cached, the operator's JVM just started"
                    + " (as after an operator restart)%n", pods);
            connect(served, () -> new AdsFleet(served.port(), tls, fleet), pods, true);
            // Every connection closed, then the same pods again: the reviews are cached until the tokens' exp.
            Thread.sleep(2000);
            System.out.printf("  2. warm: the same %d pods reconnect (new TLS connections, same tokens: reviews cached)%n",
                    pods);
            connect(served, () -> new AdsFleet(served.port(), tls, fleet), pods, true);
            // New tokens (another expiry: another hash) on a warmed-up operator: the reviews alone, without the JIT's
            // warm-up, and then with the test API server answering as slowly as a real one might.
            for (String delay : System.getProperty("bench.channel.review-delays", "0,20,100").split(",")) {
                Duration latency = Duration.ofMillis(Long.parseLong(delay.trim()));
                served.api().tokenReviewDelay(latency);
                Thread.sleep(2000);
                System.out.printf("  3. new tokens for all %d pods, no review cached, operator warm; the API server"
                        + " answers each TokenReview after %d ms more%n", pods, latency.toMillis());
                List<AdsFleet.Pod> renewed = fleet(served, running, perNode,
                        Instant.now().plusSeconds(3600 + 60 + latency.toMillis()));
                connect(served, () -> new AdsFleet(served.port(), tls, renewed), pods, true);
            }
            served.api().tokenReviewDelay(Duration.ZERO);

            try (XdsServingBenchmark.Served plain = XdsServingBenchmark.serve(nodes, "bench-xds-channel-plain.log",
                    false)) {
                // The same mesh and pods (the same EDS) on a second operator, plaintext and unauthenticated.
                runPods(plain, pods, perNode);
                Thread.sleep(3000);
                List<String> groups = fleet.stream().map(AdsFleet.Pod::group).toList();
                System.out.printf("  plaintext, unauthenticated (a 2nd operator, same mesh and pods): %d streams at once,"
                        + " one connection each; its JVM just started%n", pods);
                connect(plain, () -> new AdsFleet(plain.port(), groups, 1), pods, false);
                Thread.sleep(2000);
                System.out.printf("  plaintext, the same %d streams again%n", pods);
                connect(plain, () -> new AdsFleet(plain.port(), groups, 1), pods, false);

                // One stream at a time, the three kinds interleaved so that the machine's load (shared) is alike for
                // each; both operators have served thousands of streams by now (JIT warm).
                AdsFleet.Pod first = fleet.get(0);
                String podUid = running.get(0).getMetadata().getUid();
                Instant expiry = Instant.now().plusSeconds(7200);
                List<Double> plaintext = new ArrayList<>();
                List<Double> cached = new ArrayList<>();
                List<Double> fresh = new ArrayList<>();
                long[] reviewsBefore = served.api().tokenReviews();
                for (int i = 0; i < warmup + singles; i++) {
                    double p = single(plain.port(), null, first.group(), null);
                    double c = single(served.port(), tls, first.group(), first.token());
                    // A token of its own (a later expiry each: another hash, another review), as a pod just started.
                    double f = single(served.port(), tls, first.group(), TokenAuthority.podToken("bench", "default",
                            "pod-0", podUid, AUDIENCE, expiry.plusSeconds(i)));
                    if (i >= warmup) {
                        plaintext.add(p);
                        cached.add(c);
                        fresh.add(f);
                    }
                }
                long reviews = served.api().tokenReviews()[0] - reviewsBefore[0];
                System.out.printf("  one stream at a time, new connection -> first CDS answer (%d warm-up, %d measured,"
                        + " interleaved):%n", warmup, singles);
                System.out.printf("    %-42s %s%n", "plaintext, unauthenticated", XdsServingBenchmark.stats(plaintext));
                System.out.printf("    %-42s %s%n", "TLS, cached token", XdsServingBenchmark.stats(cached));
                System.out.printf("    %-42s %s%n", "TLS, new token (" + reviews + " TokenReviews)",
                        XdsServingBenchmark.stats(fresh));
                System.out.printf("    median over plaintext: TLS + cached review %+.1f ms, TLS + a TokenReview %+.1f ms;"
                        + " load average %s%n", med(cached) - med(plaintext), med(fresh) - med(plaintext),
                        XdsServingBenchmark.loadAverage());
            }
        }
    }

    private static double med(List<Double> ms) {
        return XdsServingBenchmark.quantile(ms.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    /**
     * {@code count} pods in namespace bench, {@code pod-<i>} labelled {@code app: node-<i / perNode>} (what that
     * VirtualNode selects), created and made Ready as a cluster does.
     */
    private static List<Pod> runPods(XdsServingBenchmark.Served served, int count, int perNode) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(8);
        try {
            List<Future<Pod>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int node = i / perNode;
                String name = "pod-" + i;
                String ip = "10.200." + i / 250 + "." + (i % 250 + 1);
                created.add(creators.submit(
                        () -> Fixtures.runReadyPod(served.client(), "bench", name, "node-" + node, ip, false)));
            }
            List<Pod> pods = new ArrayList<>();
            for (Future<Pod> pod : created) {
                pods.add(pod.get());
            }
            return pods;
        } finally {
            creators.shutdown();
        }
    }

    /** Each pod's Envoy: its node's group and its projected token, all expiring at {@code expiry}. */
    private static List<AdsFleet.Pod> fleet(XdsServingBenchmark.Served served, List<Pod> pods, int perNode,
            Instant expiry) {
        List<AdsFleet.Pod> fleet = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            Pod pod = pods.get(i);
            fleet.add(new AdsFleet.Pod(served.group(served.mesh().nodes.get(i / perNode)), TokenAuthority.podToken(
                    "bench", "default", pod.getMetadata().getName(), pod.getMetadata().getUid(), AUDIENCE, expiry)));
        }
        return fleet;
    }

    /** What one TokenReview costs at the test API server, from a client in this JVM (as the operator's, over HTTP). */
    private static void reviewLatency(KubernetesClient client, String token) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token).withAudiences(AUDIENCE)
                    .endSpec().build();
            long t0 = System.nanoTime();
            TokenReview answer = client.resource(review).create();
            if (i >= 10) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            if (!Boolean.TRUE.equals(answer.getStatus().getAuthenticated())) {
                throw new IllegalStateException("the test API server refused a pod token: " + answer.getStatus());
            }
        }
        System.out.printf("  the test API server's TokenReview, one at a time from this JVM: %s%n",
                XdsServingBenchmark.stats(ms));
    }

    /**
     * Opens one stream per pod at once and waits until each has CDS (and all four types); prints the times, the
     * refusals and retries, and the reviews the API server answered meanwhile. Closes the streams.
     */
    private static void connect(XdsServingBenchmark.Served served, Supplier<AdsFleet> open, int count,
            boolean authenticated) throws Exception {
        LocalOperator operator = served.operator();
        long ownCpuBefore = ownCpuMillis();
        Map<String, Double> deniedBefore = denied(operator);
        long[] reviewsBefore = served.api().tokenReviews();
        long cpuBefore = XdsServingBenchmark.cpuMillis(operator);
        long start = System.nanoTime();
        long allClusters = 0;
        long deadline = start + XdsServingBenchmark.CONVERGED.toNanos();
        try (AdsFleet fleet = open.get()) {
            long opened = System.nanoTime();
            while (fleet.complete() < count) {
                if (fleet.failure() != null) {
                    throw new IllegalStateException("an ADS stream failed", fleet.failure());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(fleet.withClusters() + " of " + count + " streams have CDS");
                }
                if (allClusters == 0 && fleet.withClusters() == count) {
                    allClusters = System.nanoTime();
                }
                Thread.sleep(5);
            }
            long all = System.nanoTime();
            if (allClusters == 0) {
                allClusters = all;
            }
            long cpu = XdsServingBenchmark.cpuMillis(operator) - cpuBefore;
            long ownCpu = ownCpuMillis() - ownCpuBefore;
            long[] reviews = served.api().tokenReviews();
            Map<String, Double> deniedAfter = denied(operator);
            List<Double> cds = new ArrayList<>();
            int[] attempts = new int[8];
            for (AdsFleet.Stream s : fleet.streams) {
                cds.add((s.latest.get(AdsClient.CDS).arrivedAt() - start) / 1e6);
                attempts[Math.min(s.attempts, attempts.length) - 1]++;
            }
            System.out.printf("    all streams opened by this JVM in %.0f ms; every stream had CDS after %.2f s, all four"
                    + " types after %.2f s%n", (opened - start) / 1e6, (allClusters - start) / 1e9, (all - start) / 1e9);
            System.out.printf("    per stream, opening -> CDS: %s%n", XdsServingBenchmark.stats(cds));
            StringBuilder histogram = new StringBuilder();
            for (int i = 0; i < attempts.length; i++) {
                if (attempts[i] > 0) {
                    histogram.append(histogram.isEmpty() ? "" : ", ").append(attempts[i]).append(" in ").append(i + 1)
                            .append(i == attempts.length - 1 ? "+" : "");
                }
            }
            System.out.printf("    attempts per stream: %s; client retries %d (%s)%n", histogram, fleet.retried(),
                    fleet.retries.entrySet().stream().map(e -> e.getValue() + "x \"" + e.getKey() + "\"")
                            .collect(Collectors.joining(", ")));
            System.out.printf("    appmesh_xds_denied_total during it: %s%n", deniedAfter.keySet().stream().sorted()
                    .map(r -> String.format("%s %.0f", r, deniedAfter.get(r) - deniedBefore.getOrDefault(r, 0.0)))
                    .filter(s -> !s.endsWith(" 0")).collect(Collectors.joining(", ", "{", "}")));
            long made = reviews[0] - reviewsBefore[0];
            if (authenticated) {
                System.out.printf("    TokenReviews answered by the API server: %d (%s)%n", made, made == 0
                        ? "all cached"
                        : String.format("%.2f ms each inside the server", (reviews[1] - reviewsBefore[1]) / 1e6 / made));
            }
            // The simulated Envoys' side (TLS handshakes, protobuf) runs in this JVM, on the same 2 cores.
            System.out.printf("    CPU (/proc, all threads): operator %d ms (%.2f ms per stream), this JVM's fleet and API"
                    + " server %d ms; load average %s%n", cpu, (double) cpu / count, ownCpu,
                    XdsServingBenchmark.loadAverage());
        }
    }

    /** User + system CPU time of this JVM (the fleet, the test API server), from /proc. */
    private static long ownCpuMillis() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** {@code appmesh_xds_denied_total} by reason (absent before the first refusal). */
    private static Map<String, Double> denied(LocalOperator operator) throws Exception {
        return operator.samples("appmesh_xds_denied_total").stream()
                .collect(Collectors.toMap(s -> s.labels().get("reason"), LocalOperator.Sample::value, Double::sum));
    }

    /**
     * One stream on a new connection: from building the channel to the first CDS answer, in ms.
     *
     * @param tls null for plaintext (then no token)
     */
    private static double single(int port, SslContext tls, String group, String token) throws Exception {
        long t0 = System.nanoTime();
        ManagedChannel channel;
        if (tls == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        } else {
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(tls)
                    .intercept(MetadataUtils.newAttachHeadersInterceptor(headers)).build();
        }
        try (AdsClient envoy = new AdsClient(channel, AdsClient.envoy(group))) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse clusters = envoy.next(WAIT);
            long t1 = System.nanoTime();
            if (clusters == null || !clusters.getTypeUrl().equals(AdsClient.CDS)) {
                throw new IllegalStateException("no CDS answer for " + group + " within " + WAIT);
            }
            return (t1 - t0) / 1e6;
        } finally {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
