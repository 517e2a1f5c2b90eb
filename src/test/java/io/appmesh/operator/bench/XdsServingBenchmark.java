package io.appmesh.operator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.xds.AdsClient;
import io.appmesh.operator.backend.xds.NodeGroups;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * The {@code push} and {@code clients} scenarios of {@code make bench-xds}: the packaged operator (target/quarkus-app,
 * its own JVM with the Deployment's {@code -Xmx512m -XX:+UseSerialGC}) as the xDS control plane on the in-process API
 * server, a {@link SyntheticMesh} created through the API, and simulated Envoys ({@link AdsFleet}) on its ADS port.
 * Timings are printed, never asserted.
 */
final class XdsServingBenchmark {

    static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");
    static final Duration CONVERGED = Duration.ofMinutes(3);
    private static final long ANSWER_NANOS = Duration.ofSeconds(20).toNanos();
    /** The test API server logs every request at INFO; held here so that the level stays set. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger
            .getLogger("io.fabric8.mockwebserver");

    private XdsServingBenchmark() {
    }

    /** A synthetic mesh served by a packaged operator; closing stops both. */
    record Served(LocalKubeApi api, LocalOperator operator, int port, SyntheticMesh mesh,
            KubernetesClient client, double createSeconds, double activeSeconds) implements AutoCloseable {

        @Override
        public void close() {
            operator.close();
            api.close();
        }

        String group(VirtualNode node) {
            return NodeGroups.virtualNode("bench", node.getSpec().getAwsName());
        }
    }

    /**
     * The operator, then the mesh's objects created straight through the API as the webhooks would store them (meshRef
     * with the Mesh's uid, awsName; no admission round trip), then every object Active.
     *
     * @param secured whether the ADS port runs as deployed, TLS and pod tokens (the {@code channel} scenario), or
     *        plaintext and unauthenticated
     */
    static Served serve(int n, String log, boolean secured) throws Exception {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        LocalKubeApi api = LocalKubeApi.start();
        int port = LocalOperator.freePort();
        List<String> options = new ArrayList<>(JVM);
        options.addAll(List.of("-Dappmesh.backend=xds", "-Dappmesh.xds.port=" + port,
                "-Dappmesh.xds.bind-address=127.0.0.1"));
        if (!secured) {
            // push and clients: thousands of simulated proxies without pods (AdsFleet), measuring translation and
            // serving; what one TLS handshake and one TokenReview per stream cost is the channel scenario's.
            options.addAll(List.of("-Dappmesh.xds.tls.enabled=false", "-Dappmesh.xds.authenticate=false"));
        }
        options.addAll(extraOptions());
        LocalOperator operator;
        try {
            operator = LocalOperator.start(api, options, Map.of(), Path.of("target", log));
        } catch (Exception e) {
            api.close();
            throw e;
        }
        KubernetesClient client = api.client();
        SyntheticMesh mesh = SyntheticMesh.of(n);
        long start = System.nanoTime();
        client.resource(new NamespaceBuilder().withNewMetadata().withName("bench").addToLabels("mesh", "bench")
                .endMetadata().build()).create();
        mesh.mesh.getMetadata().setUid(null);
        String uid = client.resource(mesh.mesh).create().getMetadata().getUid();
        List<HasMetadata> members = new ArrayList<>(mesh.nodes);
        members.addAll(mesh.list(VirtualRouter.class, "bench"));
        members.addAll(mesh.list(VirtualService.class, "bench"));
        // Concurrently, as a kubectl apply of many files or a CI job would: one client at a time takes 30 ms a create
        // here while the operator reconciles the earlier ones.
        java.util.concurrent.ExecutorService creators = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> created = new ArrayList<>();
            for (HasMetadata member : members) {
                meshRef(member).setUid(uid);
                created.add(creators.submit(() -> client.resource(member).create()));
            }
            for (java.util.concurrent.Future<?> f : created) {
                f.get();
            }
        } finally {
            creators.shutdown();
        }
        double created = (System.nanoTime() - start) / 1e9;
        int expected = members.size();
        long deadline = System.nanoTime() + CONVERGED.toNanos();
        while (active(client) < expected + 1) {
            if (System.nanoTime() > deadline) {
                operator.close();
                api.close();
                throw new IllegalStateException("the mesh was not Active within " + CONVERGED);
            }
            Thread.sleep(250);
        }
        return new Served(api, operator, port, mesh, client, created, (System.nanoTime() - start) / 1e9);
    }

    private static MeshReference meshRef(HasMetadata member) {
        if (member instanceof VirtualNode node) {
            return node.getSpec().getMeshRef();
        }
        if (member instanceof VirtualRouter router) {
            return router.getSpec().getMeshRef();
        }
        return ((VirtualService) member).getSpec().getMeshRef();
    }

    private static long active(KubernetesClient client) {
        long count = client.resources(Mesh.class).list().getItems().stream().filter(References::isActive).count();
        for (Class<? extends HasMetadata> kind : List.of(VirtualNode.class, VirtualRouter.class, VirtualService.class)) {
            count += client.resources(kind).inNamespace("bench").list().getItems().stream()
                    .filter(References::isActive).count();
        }
        return count;
    }

    /** Extra operator options ({@code -Dbench.jvm="-XX:+UseG1GC"}), after the Deployment's. */
    static List<String> extraOptions() {
        String extra = System.getProperty("bench.jvm", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    private static AdsFleet connect(Served served, List<String> groups, int perChannel) throws Exception {
        long start = System.nanoTime();
        AdsFleet fleet = new AdsFleet(served.port(), groups, perChannel);
        long deadline = start + CONVERGED.toNanos();
        while (fleet.complete() < groups.size()) {
            if (fleet.failure() != null) {
                fleet.close();
                throw new IllegalStateException("an ADS stream failed", fleet.failure());
            }
            if (System.nanoTime() > deadline) {
                fleet.close();
                throw new IllegalStateException(fleet.complete() + " of " + groups.size() + " streams complete");
            }
            Thread.sleep(20);
        }
        System.out.printf("  %d streams on %d channel(s): all four types answered and ACKed after %.2f s%n",
                groups.size(), (groups.size() + perChannel - 1) / perChannel, (System.nanoTime() - start) / 1e9);
        return fleet;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // push

    /**
     * One VirtualRouter's weights changed through the API server, again and again (a different router each time, round
     * robin); the time until every stream of a node calling that router's service has the RDS answer carrying the new
     * weights. One stream per node of the mesh, so that pushes to nodes the change does not concern show too.
     */
    static void push() throws Exception {
        int n = Integer.getInteger("bench.push.nodes", 100);
        int changes = Integer.getInteger("bench.push.changes", 60);
        int warmup = Integer.getInteger("bench.push.warmup", 10);
        System.out.printf("%npush: packaged operator (%s), %d-node mesh, %d + %d changes; load average %s%n",
                String.join(" ", JVM), n, warmup, changes, loadAverage());
        try (Served served = serve(n, "bench-xds-push.log", false)) {
            System.out.printf("  operator ready after %.1f s; %d objects created in %.1f s, all Active after %.1f s%n",
                    served.operator().readyAfter().toMillis() / 1000.0,
                    served.mesh().nodes.size() * 2 + served.mesh().routers + 1, served.createSeconds(),
                    served.activeSeconds());
            SyntheticMesh mesh = served.mesh();
            List<String> groups = mesh.nodes.stream().map(served::group).toList();
            try (AdsFleet fleet = connect(served, groups, 100)) {
                List<VirtualRouter> routers = mesh.list(VirtualRouter.class, "bench");
                // Which streams each router's change concerns: those of the nodes with its service as a backend.
                Map<String, List<AdsFleet.Stream>> affected = new HashMap<>();
                for (VirtualRouter router : routers) {
                    String service = "svc-" + router.getMetadata().getName().substring("router-".length());
                    List<AdsFleet.Stream> streams = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (mesh.nodes.get(i).getSpec().getBackends().stream()
                                .anyMatch(b -> b.getVirtualService().getVirtualServiceRef().getName().equals(service))) {
                            streams.add(fleet.streams.get(i));
                        }
                    }
                    affected.put(router.getMetadata().getName(), streams);
                }
                List<Double> afterReturn = new ArrayList<>();
                List<Double> beforeCall = new ArrayList<>();
                List<Double> call = new ArrayList<>();
                double idleCpu = idleCpuPerSecond(served.operator());
                double[] buildsBefore = builds(served.operator());
                Map<String, Integer> before = answers(fleet);
                long cpuBefore = cpuMillis(served.operator());
                long measuredFrom = System.nanoTime();
                int expectedRds = 0;
                for (int i = 0; i < warmup + changes; i++) {
                    VirtualRouter router = routers.get(i % routers.size());
                    String name = router.getMetadata().getName();
                    String target = "cds_egress_bench_node-" + name.substring("router-".length()) + "_bench_http_8080";
                    int weight = 20 + i % 60;
                    List<AdsFleet.Stream> streams = affected.get(name);
                    if (i == warmup) {
                        before = answers(fleet);
                        buildsBefore = builds(served.operator());
                        cpuBefore = cpuMillis(served.operator());
                        measuredFrom = System.nanoTime();
                    }
                    long t0 = System.nanoTime();
                    served.client().resources(VirtualRouter.class).inNamespace("bench").withName(name)
                            .patch(PatchContext.of(PatchType.JSON),
                                    """
                                            [{"op": "test", "path": "/spec/routes/1/name", "value": "default"},
                                             {"op": "replace", "path": "/spec/routes/1/httpRoute/action/weightedTargets/0/weight", "value": %d},
                                             {"op": "replace", "path": "/spec/routes/1/httpRoute/action/weightedTargets/1/weight", "value": %d}]
                                            """
                                            .formatted(weight, 100 - weight));
                    long t1 = System.nanoTime();
                    long last = awaitRoutes(streams, target, weight, t0);
                    if (i >= warmup) {
                        afterReturn.add((last - t1) / 1e6);
                        beforeCall.add((last - t0) / 1e6);
                        call.add((t1 - t0) / 1e6);
                        expectedRds += streams.size();
                    }
                    Thread.sleep(150);
                }
                long cpu = cpuMillis(served.operator()) - cpuBefore;
                double measuredSeconds = (System.nanoTime() - measuredFrom) / 1e9;
                Map<String, Integer> after = answers(fleet);
                System.out.printf("  %d changes, each to the %s streams of the nodes calling the router's service:%n",
                        changes, affected.values().stream().map(List::size).distinct().sorted().map(String::valueOf)
                                .collect(Collectors.joining("/")));
                System.out.printf("  %-44s %s%n", "update call (PATCH) itself", stats(call));
                System.out.printf("  %-44s %s%n", "from the update's return to the last RDS", stats(afterReturn));
                System.out.printf("  %-44s %s%n", "from just before the update to the last RDS", stats(beforeCall));
                System.out.printf("  answers received during the measured changes: %s (RDS expected: %d, one per affected"
                        + " stream and change)%n", delta(before, after), expectedRds);
                System.out.printf("  (both include the operator's debounce, %s: a single change always waits it out)%n",
                        debounce());
                System.out.printf("  operator CPU (all threads, /proc): %.1f ms per change, %.1f ms of it above its idle"
                        + " rate (%.0f ms/s); load average %s%n", (double) cpu / changes,
                        (cpu - idleCpu * measuredSeconds) / changes, idleCpu, loadAverage());
                System.out.printf("  operator's snapshot builds during the measured changes: %s%n",
                        buildsBetween(buildsBefore, builds(served.operator())));
                pushLatencyMetric(served.operator());
            }
        }
    }

    /** The debounce the operator runs with: its default, or what {@code -Dbench.jvm} sets. */
    private static String debounce() {
        return extraOptions().stream().filter(o -> o.startsWith("-Dappmesh.xds.debounce="))
                .map(o -> o.substring(o.indexOf('=') + 1)).reduce((a, b) -> b).orElse("100ms (default)");
    }

    /** The operator's CPU time per second over 5 quiet seconds (informers, GC, JIT, metrics), in ms. */
    private static double idleCpuPerSecond(LocalOperator operator) throws Exception {
        long cpu = cpuMillis(operator);
        long start = System.nanoTime();
        Thread.sleep(5000);
        return (cpuMillis(operator) - cpu) / ((System.nanoTime() - start) / 1e9);
    }

    /** Waits until every stream's last RDS answer routes {@code weight} to {@code target}; the last one's arrival. */
    private static long awaitRoutes(List<AdsFleet.Stream> streams, String target, int weight, long since)
            throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_NANOS;
        while (true) {
            long last = 0;
            boolean all = true;
            for (AdsFleet.Stream stream : streams) {
                AdsFleet.Received rds = stream.latest.get(AdsClient.RDS);
                if (rds != null && rds.arrivedAt() > since && carries(rds, target, weight)) {
                    last = Math.max(last, rds.arrivedAt());
                } else {
                    all = false;
                    break;
                }
            }
            if (all) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no RDS answer with weight " + weight + " for " + target);
            }
            Thread.sleep(1);
        }
    }

    private static boolean carries(AdsFleet.Received rds, String target, int weight) {
        for (RouteConfiguration config : AdsClient.resources(rds.response(), RouteConfiguration.class)) {
            for (VirtualHost host : config.getVirtualHostsList()) {
                for (Route route : host.getRoutesList()) {
                    for (WeightedCluster.ClusterWeight c : route.getRoute().getWeightedClusters().getClustersList()) {
                        if (c.getName().equals(target) && c.getWeight().getValue() == weight) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // clients

    /**
     * Many streams on one operator: its RSS before and with them connected, and the time until all of them have a
     * change that concerns every node (the Mesh's egress filter, DROP_ALL ⇄ ALLOW_ALL: new listeners and routes, and a
     * passthrough cluster, for every node).
     */
    static void clients() throws Exception {
        int n = Integer.getInteger("bench.clients.nodes", 1000);
        int clients = Integer.getInteger("bench.clients", 1000);
        int changes = Integer.getInteger("bench.clients.changes", 12);
        System.out.printf("%nclients: packaged operator (%s), %d-node mesh, %d streams, %d changes; load average %s%n",
                String.join(" ", JVM), n, clients, changes, loadAverage());
        try (Served served = serve(n, "bench-xds-clients.log", false)) {
            LocalOperator operator = served.operator();
            System.out.printf("  operator ready after %.1f s; %d objects created in %.1f s, all Active after %.1f s%n",
                    operator.readyAfter().toMillis() / 1000.0, n * 2 + served.mesh().routers + 1,
                    served.createSeconds(), served.activeSeconds());
            Thread.sleep(3000);
            Memory idle = memory(operator);
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                groups.add(served.group(served.mesh().nodes.get(i % n)));
            }
            try (AdsFleet fleet = connect(served, groups, 100)) {
                Thread.sleep(3000);
                Memory connected = memory(operator);
                double streams = operator.samples("appmesh_xds_connected_streams").stream()
                        .mapToDouble(LocalOperator.Sample::value).sum();
                System.out.printf("  appmesh_xds_connected_streams, summed over nodes: %.0f%n", streams);
                long scrapeStart = System.nanoTime();
                String scrape = operator.metrics();
                int scraped = scrape.length();
                if (!System.getProperty("bench.metrics-dump", "").isEmpty()) {
                    Files.writeString(Path.of(System.getProperty("bench.metrics-dump")), scrape);
                }
                System.out.printf("  one /q/metrics scrape: %d KB in %.0f ms%n", scraped >> 10,
                        (System.nanoTime() - scrapeStart) / 1e6);

                List<Double> allAfterReturn = new ArrayList<>();
                List<Double> allBeforeCall = new ArrayList<>();
                List<Double> medianStream = new ArrayList<>();
                double[] buildsBefore = builds(operator);
                long cpuBefore = cpuMillis(operator);
                for (int i = 0; i < changes; i++) {
                    String filter = i % 2 == 0 ? "ALLOW_ALL" : "DROP_ALL";
                    Map<AdsFleet.Stream, List<String>> baseline = new HashMap<>();
                    for (AdsFleet.Stream s : fleet.streams) {
                        baseline.put(s, List.of(s.latest.get(AdsClient.LDS).version(),
                                s.latest.get(AdsClient.RDS).version()));
                    }
                    long t0 = System.nanoTime();
                    served.client().resources(Mesh.class).withName("bench").patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\": {\"egressFilter\": {\"type\": \"%s\"}}}".formatted(filter));
                    long t1 = System.nanoTime();
                    double[] arrivals = awaitAll(fleet, baseline, t1);
                    allAfterReturn.add(arrivals[arrivals.length - 1]);
                    allBeforeCall.add(arrivals[arrivals.length - 1] + (t1 - t0) / 1e6);
                    medianStream.add(arrivals[arrivals.length / 2]);
                    // Past the cluster linger (2 s), so that its CDS-only rebuild does not overlap the next change.
                    Thread.sleep(2500);
                }
                long cpu = cpuMillis(operator) - cpuBefore;
                double[] buildsAfter = builds(operator);
                Memory afterChanges = memory(operator);
                System.out.printf("  %-54s %s%n", "change -> all streams have new LDS+RDS, from return",
                        stats(allAfterReturn));
                System.out.printf("  %-54s %s%n", "the same from just before the update call", stats(allBeforeCall));
                System.out.printf("  %-54s %s%n", "change -> the median stream has them, from return",
                        stats(medianStream));
                System.out.printf("  operator CPU (all threads, /proc): %.0f ms per change (incl. the linger rebuild)%n",
                        (double) cpu / changes);
                System.out.printf("  operator's snapshot builds during the changes: %s%n",
                        buildsBetween(buildsBefore, buildsAfter));
                System.out.printf("  operator memory after a full GC (jcmd GC.run): %-12s RSS %4d MiB, heap used %6.1f MiB%n",
                        "idle:", idle.rssMiB, idle.heapMiB);
                System.out.printf("  %-61s RSS %4d MiB, heap used %6.1f MiB%n",
                        clients + " streams:", connected.rssMiB, connected.heapMiB);
                System.out.printf("  %-61s RSS %4d MiB, heap used %6.1f MiB%n",
                        "after the changes:", afterChanges.rssMiB, afterChanges.heapMiB);
                System.out.printf("  per stream: RSS %.3f MiB, heap %.3f MiB (after the changes: RSS %.3f, heap %.3f)%n",
                        (connected.rssMiB - idle.rssMiB) / (double) clients,
                        (connected.heapMiB - idle.heapMiB) / clients,
                        (afterChanges.rssMiB - idle.rssMiB) / (double) clients,
                        (afterChanges.heapMiB - idle.heapMiB) / clients);
                System.out.printf("  load average %s%n", loadAverage());
                pushLatencyMetric(operator);
            }
        }
    }

    /** Per stream (sorted, ms from {@code since}), when its LDS and RDS versions both differ from the baseline. */
    private static double[] awaitAll(AdsFleet fleet, Map<AdsFleet.Stream, List<String>> baseline, long since)
            throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_NANOS;
        while (true) {
            double[] arrivals = new double[fleet.streams.size()];
            int i = 0;
            for (AdsFleet.Stream s : fleet.streams) {
                AdsFleet.Received lds = s.latest.get(AdsClient.LDS);
                AdsFleet.Received rds = s.latest.get(AdsClient.RDS);
                List<String> old = baseline.get(s);
                if (lds.version().equals(old.get(0)) || rds.version().equals(old.get(1))) {
                    break;
                }
                arrivals[i++] = (Math.max(lds.arrivedAt(), rds.arrivedAt()) - since) / 1e6;
            }
            if (i == arrivals.length) {
                java.util.Arrays.sort(arrivals);
                return arrivals;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(i + " streams had the change after 20 s");
            }
            Thread.sleep(1);
        }
    }

    private record Memory(long rssMiB, double heapMiB) {
    }

    /**
     * RSS, and heap used after a full collection requested with jcmd ({@code GC.run}, then {@code GC.heap_info}: a
     * scrape of /q/metrics would itself fill the heap with its text).
     */
    private static Memory memory(LocalOperator operator) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String pid = String.valueOf(operator.process().pid());
        new ProcessBuilder(jcmd.toString(), pid, "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Process info = new ProcessBuilder(jcmd.toString(), pid, "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        // Serial: "def new generation total …K, used …K" and "tenured generation total …K, used …K"
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("generation\\s+total \\d+K, used (\\d+)K")
                .matcher(text);
        double heapKiB = 0;
        while (used.find()) {
            heapKiB += Long.parseLong(used.group(1));
        }
        Thread.sleep(500);
        return new Memory(operator.rssMiB(), heapKiB / 1024);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The operator's own push-latency histogram (change before the debounce → DiscoveryResponse sent), by type. */
    private static void pushLatencyMetric(LocalOperator operator) throws Exception {
        Map<String, Double> count = new HashMap<>();
        Map<String, Double> sum = new HashMap<>();
        Map<String, Double> max = new HashMap<>();
        operator.samples("appmesh_xds_push_latency_seconds_count").forEach(s -> count.put(s.labels().get("type"), s.value()));
        operator.samples("appmesh_xds_push_latency_seconds_sum").forEach(s -> sum.put(s.labels().get("type"), s.value()));
        operator.samples("appmesh_xds_push_latency_seconds_max").forEach(s -> max.put(s.labels().get("type"), s.value()));
        System.out.printf("  operator's appmesh_xds_push_latency_seconds (whole run): %s%n",
                count.keySet().stream().sorted().map(t -> String.format("%s %.0f pushes, mean %.1f ms, max %.1f ms", t,
                        count.get(t), 1000 * sum.get(t) / count.get(t), 1000 * max.getOrDefault(t, Double.NaN)))
                        .collect(Collectors.joining("; ")));
    }

    /** The operator's snapshot builds so far: count and total seconds ({@code appmesh_xds_snapshot_build_seconds}). */
    private static double[] builds(LocalOperator operator) throws Exception {
        return new double[]{
                operator.samples("appmesh_xds_snapshot_build_seconds_count").stream()
                        .mapToDouble(LocalOperator.Sample::value).sum(),
                operator.samples("appmesh_xds_snapshot_build_seconds_sum").stream()
                        .mapToDouble(LocalOperator.Sample::value).sum()};
    }

    private static String buildsBetween(double[] before, double[] after) {
        double count = after[0] - before[0];
        return String.format("%.0f builds, mean %.1f ms (every node translated, versioned and handed to the cache)",
                count, count == 0 ? 0 : 1000 * (after[1] - before[1]) / count);
    }

    /** Answers received per type, over all streams. */
    private static Map<String, Integer> answers(AdsFleet fleet) {
        Map<String, Integer> answers = new HashMap<>();
        for (AdsFleet.Stream s : fleet.streams) {
            s.latest.forEach((type, r) -> answers.merge(type, r.count(), Integer::sum));
        }
        return answers;
    }

    private static String delta(Map<String, Integer> before, Map<String, Integer> after) {
        return AdsFleet.TYPES.stream().map(t -> String.format("%s %d", t.substring(t.lastIndexOf('.') + 1),
                after.getOrDefault(t, 0) - before.getOrDefault(t, 0))).collect(Collectors.joining(", "));
    }

    static String stats(List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   min %6.1f ms", quantile(sorted, 0.5),
                quantile(sorted, 0.99), sorted[sorted.length - 1], sorted[0]);
    }

    static double quantile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** User + system CPU time of the operator's process (all threads), from /proc. */
    static long cpuMillis(LocalOperator operator) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + operator.process().pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat; after the command's ")" they are the 12th and 13th; 100 Hz ticks
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
