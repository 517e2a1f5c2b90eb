package io.appmesh.operator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.DNSServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.ServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.sandbox.AdmissionEmulator;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code make bench-webhook}: AdmissionReviews for a realistic three-container pod sent over HTTPS on loopback to the
 * packaged operator, and the same reviews as UPDATEs (which the injector answers without doing anything: TLS, HTTP,
 * JSON parsing and the answer, the floor). For each: an open-loop phase at a fixed rate (latency: server-side from the
 * operator's {@code controller_runtime_webhook_latency_seconds} histogram, client-side from send to answer) and a
 * closed-loop phase at fixed concurrency (sustained throughput). Load generator and operator share the machine.
 * Bounded in time and count; prints a Markdown table and writes it to target/bench-webhook.md.
 */
public final class WebhookBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = Integer.getInteger("bench.rate", 2000);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jvm = List.of(System.getProperty("bench.jvm", "-Xms256m -Xmx512m").trim().split("\\s+"));
        System.out.println("operator JVM options: " + jvm);
        try (LocalOperator operator = LocalOperator.start(jvm, false)) {
            try (KubernetesClient client = operator.client()) {
                fixtures(client);
            }
            System.out.printf("operator %s: ready %.2f s after start, RSS %d MiB with the fixtures admitted%n",
                    System.getProperty("appmesh.operator.binary", "").isEmpty() ? "JVM" : "native",
                    operator.readyAfter().toMillis() / 1000.0, operator.rssMiB());
            HttpClient http = HttpClient.newBuilder().sslContext(AdmissionEmulator.trustAll())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI webhook = operator.webhooks().resolve("/mutate-v1-pod");
            URI metrics = operator.management().resolve("/q/metrics");
            String inject = review("CREATE");
            String floor = review("UPDATE");
            checkAnswer(http, webhook, inject, true);
            checkAnswer(http, webhook, floor, false);

            System.out.printf("warming up %d s%n", WARMUP.toSeconds());
            closedLoop(http, webhook, inject, CONCURRENCY, WARMUP.dividedBy(2));
            closedLoop(http, webhook, floor, CONCURRENCY, WARMUP.dividedBy(2));

            List<String> rows = new ArrayList<>();
            for (var phase : List.of(Map.entry("inject a 3-container pod (CREATE)", inject),
                    Map.entry("no-op floor (UPDATE, same endpoint)", floor))) {
                Map<Double, Long> before = buckets(http, metrics);
                OpenLoop open = openLoop(http, webhook, phase.getValue(), RATE, PHASE);
                Map<Double, Long> after = buckets(http, metrics);
                double[] server = quantiles(before, after, 0.5, 0.99);
                double throughput = closedLoop(http, webhook, phase.getValue(), CONCURRENCY, PHASE);
                rows.add(String.format("| %s | %d/s for %d s: %d sent, %d failed | %.3f | %.3f | %.3f | %.3f | %.0f |",
                        phase.getKey(), RATE, PHASE.toSeconds(), open.sent, open.failed, server[0] * 1000,
                        server[1] * 1000, open.quantile(0.5), open.quantile(0.99), throughput));
            }
            String table = "| Reviews | Open loop | server p50 ms | server p99 ms | client p50 ms | client p99 ms | "
                    + "sustained /s (" + CONCURRENCY + " in flight) |\n|---|---|---|---|---|---|---|\n"
                    + String.join("\n", rows) + "\n";
            System.out.println(table);
            Files.writeString(Path.of("target/bench-webhook.md"), table);
        }
        // HTTP client threads would keep Maven's exec:java waiting; the benchmark is done.
        System.exit(0);
    }

    private static void fixtures(KubernetesClient client) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("shop")
                .addToLabels("appmesh.k8s.aws/sidecarInjectorWebhook", "enabled").endMetadata().build()).create();
        Mesh mesh = new Mesh();
        mesh.setMetadata(new ObjectMetaBuilder().withName("global").build());
        mesh.getSpec().setAwsName("global");
        mesh = client.resource(mesh).create();
        VirtualNode node = Fixtures.virtualNode("shop", "checkout", "checkout", mesh);
        ServiceDiscovery discovery = new ServiceDiscovery();
        DNSServiceDiscovery dns = new DNSServiceDiscovery();
        dns.setHostname("checkout.shop.svc.cluster.local");
        discovery.setDns(dns);
        node.getSpec().setServiceDiscovery(discovery);
        client.resource(node).create();
    }

    /** A Deployment-made pod: no name yet, three containers with probes, resources and volumes. */
    private static String review(String operation) throws Exception {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: checkout-6f9d8b7c5-
                  namespace: shop
                  labels: {app: checkout, pod-template-hash: 6f9d8b7c5, version: v2}
                  annotations: {appmesh.k8s.aws/cpuRequest: 50m, prometheus.io/scrape: "true"}
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: checkout-6f9d8b7c5, uid: 7d1e4c0a-1b2c-4d5e-8f90-123456789abc, controller: true}
                spec:
                  serviceAccountName: checkout
                  containers:
                  - name: app
                    image: registry.example.com/checkout:2.14.1
                    ports: [{containerPort: 8080, name: http}]
                    env: [{name: JAVA_OPTS, value: -Xmx256m}, {name: DB_HOST, value: postgres.shop}]
                    resources: {requests: {cpu: 250m, memory: 384Mi}, limits: {memory: 512Mi}}
                    readinessProbe: {httpGet: {path: /health/ready, port: 8080}, periodSeconds: 5}
                    livenessProbe: {httpGet: {path: /health/live, port: 8080}, periodSeconds: 10}
                    volumeMounts: [{name: config, mountPath: /config}]
                  - name: cache
                    image: redis:7.2-alpine
                    ports: [{containerPort: 6379}]
                    resources: {requests: {cpu: 50m, memory: 64Mi}}
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
                    volumeMounts: [{name: logs, mountPath: /var/log/app}]
                  volumes:
                  - {name: config, configMap: {name: checkout-config}}
                  - {name: logs, emptyDir: {}}
                """;
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "0b7c9a8e-0000-4000-8000-bench").put("operation", operation)
                .put("namespace", "shop");
        request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
        request.set("object", YamlDocuments.parse(pod).get(0));
        return review.toString();
    }

    private static void checkAnswer(HttpClient http, URI webhook, String body, boolean patched) throws Exception {
        HttpResponse<String> answer = http.send(post(webhook, body), HttpResponse.BodyHandlers.ofString());
        var response = JSON.readTree(answer.body()).path("response");
        if (answer.statusCode() != 200 || !response.path("allowed").asBoolean() || response.has("patch") != patched) {
            throw new IllegalStateException("unexpected answer: " + answer.body());
        }
    }

    private static HttpRequest post(URI webhook, String body) {
        return HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build();
    }

    static final class OpenLoop {
        long sent;
        long failed;
        long[] latencies;

        double quantile(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[(int) Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] / 1e6;
        }
    }

    /**
     * Sends at a fixed total rate for {@code duration}, spread over {@code CONCURRENCY} persistent connections, each
     * with its own schedule. Latency runs from the moment a request was due, not from when it could be sent, so a
     * stalled server shows up in the figures instead of silently slowing the load down (coordinated omission).
     */
    private static OpenLoop openLoop(HttpClient http, URI webhook, String body, int rate, Duration duration)
            throws Exception {
        int workers = CONCURRENCY;
        long perWorkerInterval = 1_000_000_000L * workers / rate;
        long perWorker = duration.toSeconds() * rate / workers;
        long start = System.nanoTime() + 10_000_000L;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long offset = w * (perWorkerInterval / workers);
            running.add(CompletableFuture.runAsync(() -> {
                for (long i = 0; i < perWorker; i++) {
                    long due = start + offset + i * perWorkerInterval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    try {
                        HttpResponse<Void> r = http.send(post(webhook, body), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            latencies.add(System.nanoTime() - due);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();
        OpenLoop result = new OpenLoop();
        result.sent = perWorker * workers;
        result.failed = failed.get();
        result.latencies = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(result.latencies);
        return result;
    }

    /** {@code concurrency} requests in flight at all times for {@code duration}; returns answers per second. */
    private static double closedLoop(HttpClient http, URI webhook, String body, int concurrency, Duration duration)
            throws Exception {
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(post(webhook, body), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not done
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
        pool.shutdown();
        return done.get() / (double) duration.toSeconds();
    }

    private static final Pattern BUCKET = Pattern
            .compile("^controller_runtime_webhook_latency_seconds_bucket\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** The cumulative latency histogram of the pod webhook: upper bound in seconds → count. */
    private static Map<Double, Long> buckets(HttpClient http, URI metrics) throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<Double, Long> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(text);
        while (m.find()) {
            if (!m.group(1).contains("webhook=\"/mutate-v1-pod\"")) {
                continue;
            }
            Matcher le = LE.matcher(m.group(1));
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.put(bound, (long) Double.parseDouble(m.group(2)));
            }
        }
        return buckets;
    }

    /** Quantiles of the requests between two snapshots, interpolated within buckets. */
    static double[] quantiles(Map<Double, Long> before, Map<Double, Long> after, double... qs) {
        List<double[]> rows = new ArrayList<>();
        for (var e : after.entrySet()) {
            rows.add(new double[]{e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)});
        }
        double total = rows.isEmpty() ? 0 : rows.get(rows.size() - 1)[1];
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            double target = qs[i] * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (double[] row : rows) {
                if (row[1] >= target) {
                    double upper = Double.isInfinite(row[0]) ? lowerBound : row[0];
                    double share = row[1] == lowerCount ? 0 : (target - lowerCount) / (row[1] - lowerCount);
                    out[i] = lowerBound + share * (upper - lowerBound);
                    break;
                }
                lowerBound = row[0];
                lowerCount = row[1];
            }
        }
        return out;
    }
}
