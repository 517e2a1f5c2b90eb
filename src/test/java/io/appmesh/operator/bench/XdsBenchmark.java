package io.appmesh.operator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.google.protobuf.Message;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.EnvoyResources;
import io.appmesh.operator.backend.xds.XdsTranslator;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;

/**
 * {@code make bench-xds}: the embedded xDS control plane's costs on synthetic meshes held in memory (no API server, no
 * AWS). Scenarios, chosen by name in the arguments ({@code -Dexec.args="translate"}; none given: all):
 * <ul>
 * <li>{@code translate}: meshes of 10, 100 and 1,000 VirtualNodes + VirtualServices (a quarter of the services behind
 * a VirtualRouter with two weighted routes, a header match and a retry policy), each node calling the next 5 services
 * and selecting 2 ready pods. Times building every node's {@link NodeModel} and translating it (together and apart)
 * and reports the protobuf size of the resulting configuration per node.</li>
 * <li>{@code push}: the packaged operator (its own JVM, target/quarkus-app) serving a 100-node mesh created through the
 * in-process API server, one simulated Envoy stream per node; a VirtualRouter's weights are changed through the API
 * again and again, timed until every stream of a node calling it has the RDS answer carrying them
 * ({@link XdsServingBenchmark#push}).</li>
 * <li>{@code clients}: 1,000 simulated Envoy streams on one such operator (1,000-node mesh): its RSS and heap before and
 * with them connected, and the time until all of them have a Mesh-wide change ({@link XdsServingBenchmark#clients}).</li>
 * <li>{@code channel}: the same operator with TLS and pod tokens on (as deployed): 500 pods' simulated Envoys
 * connecting at once with no review cached, again with every review cached, and one stream's connect-to-CDS time with
 * TLS and a token against plaintext ({@link XdsChannelBenchmark#channel}).</li>
 * </ul>
 * {@code push}, {@code clients} and {@code channel} need the packaged operator ({@code make bench-xds} builds it). Timings are printed,
 * never asserted.
 */
public final class XdsBenchmark {

    /**
     * The scenarios by name, in run order; the arguments pick some, none runs all. MORE SCENARIOS GO HERE, with their
     * figures in docs/benchmarks.md.
     */
    private static final Map<String, Scenario> SCENARIOS = scenarios();

    private static Map<String, Scenario> scenarios() {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("translate", XdsBenchmark::translate);
        scenarios.put("push", XdsServingBenchmark::push);
        scenarios.put("clients", XdsServingBenchmark::clients);
        scenarios.put("channel", XdsChannelBenchmark::channel);
        return scenarios;
    }

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    private static final int MEASURED = Integer.getInteger("bench.iterations", 30);
    private static final long MEASURE_NANOS = Long.getLong("bench.measure-ms", 2000) * 1_000_000;
    /** Warm-up per mesh size: JIT compilation of the whole path before anything is measured. */
    private static final long WARMUP_NANOS = Long.getLong("bench.warmup-ms", 3000) * 1_000_000;

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.copyOf(SCENARIOS.keySet()) : Arrays.asList(args);
        for (String name : names) {
            Scenario scenario = SCENARIOS.get(name);
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS.keySet());
            }
            scenario.run();
        }
        // The test API server's and gRPC's threads would keep exec:java waiting.
        System.exit(0);
    }

    private static void translate() throws IOException {
        System.out.printf(
                "translate: Java %s, %d processors, max heap %d MiB; per mesh %d ms of warm-up, then each timing over >= %d iterations and >= %d ms%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, WARMUP_NANOS / 1_000_000, MEASURED, MEASURE_NANOS / 1_000_000);
        System.out.printf("%-6s %-8s | %-26s %-10s %-10s | %-10s %-10s | %-12s %-14s%n", "nodes", "routers",
                "full p50 / p99 / min (ms)", "CPU p50", "µs / node", "build p50", "transl. p50", "bytes / node", "bytes total");
        Map<Integer, SyntheticMesh> meshes = new LinkedHashMap<>();
        List<String> resources = new ArrayList<>();
        for (int n : List.of(10, 100, 1000)) {
            SyntheticMesh mesh = SyntheticMesh.of(n);
            meshes.put(n, mesh);
            NodeModels models = new NodeModels(mesh, mesh::endpoints);

            LongSupplier full = () -> {
                long sink = 0;
                for (VirtualNode node : mesh.nodes) {
                    sink += consume(XdsTranslator.translate(models.build(node, mesh.mesh)));
                }
                return sink;
            };
            LongSupplier build = () -> {
                long sink = 0;
                for (VirtualNode node : mesh.nodes) {
                    sink += models.build(node, mesh.mesh).backends().size();
                }
                return sink;
            };
            List<NodeModel> built = mesh.nodes.stream().map(node -> models.build(node, mesh.mesh)).toList();
            LongSupplier translate = () -> {
                long sink = 0;
                for (NodeModel model : built) {
                    sink += consume(XdsTranslator.translate(model));
                }
                return sink;
            };
            warmUp(full, build, translate);
            Timings fullTimes = measure(full);
            Timings buildTimes = measure(build);
            Timings translateTimes = measure(translate);

            long total = 0;
            long[] counts = new long[5];
            for (NodeModel model : built) {
                EnvoyResources r = XdsTranslator.translate(model);
                total += bytes(r);
                counts[0] += r.listeners().size();
                counts[1] += r.routes().size();
                counts[2] += r.routes().stream().flatMap(c -> c.getVirtualHostsList().stream())
                        .mapToLong(h -> h.getRoutesCount()).sum();
                counts[3] += r.clusters().size();
                counts[4] += r.endpoints().size();
            }
            resources.add(String.format("%-6d %-10d %-12d %-12d %-10d %-10d", n, counts[0], counts[1], counts[2],
                    counts[3], counts[4]));
            System.out.printf("%-6d %-8d | %-26s %-10.2f %-10.1f | %-10.2f %-10.2f | %-12d %-14d%n", n,
                    mesh.routers, String.format("%.2f / %.2f / %.2f", fullTimes.p50(), fullTimes.p99(), fullTimes.min()),
                    fullTimes.cpuP50(),
                    fullTimes.p50() * 1000 / n, buildTimes.p50(), translateTimes.p50(), total / n, total);
        }

        // What the timings produce, to compare with other control planes' figures (per route, per cluster).
        System.out.printf("%nresources of all nodes together:%n%-6s %-10s %-12s %-12s %-10s %-10s%n", "nodes",
                "listeners", "route conf.", "routes", "clusters", "CLAs");
        resources.forEach(System.out::println);

        // Scoping: a node's configuration grows with what it calls, not with the mesh around it.
        System.out.printf("%nbytes of one node's configuration (node-1, a node-provided service's node), by backends:%n");
        System.out.printf("%-6s %-10s %-10s %-10s%n", "nodes", "0", "1", String.valueOf(SyntheticMesh.BACKENDS));
        for (var e : meshes.entrySet()) {
            SyntheticMesh mesh = e.getValue();
            NodeModels models = new NodeModels(mesh, mesh::endpoints);
            VirtualNode node = mesh.nodes.get(1);
            long[] sizes = new long[3];
            int i = 0;
            for (int backends : new int[]{0, 1, SyntheticMesh.BACKENDS}) {
                VirtualNode copy = mesh.withBackends(node, backends);
                sizes[i++] = bytes(XdsTranslator.translate(models.build(copy, mesh.mesh)));
            }
            System.out.printf("%-6d %-10d %-10d %-10d%n", e.getKey(), sizes[0], sizes[1], sizes[2]);
        }
    }

    /** Something of every resource, so that no translation can be optimised away. */
    private static long consume(EnvoyResources r) {
        return r.listeners().size() + r.routes().size() + r.clusters().size() + r.endpoints().size();
    }

    /** The serialized size of a node's configuration: what its ADS stream carries, without the envelopes. */
    static long bytes(EnvoyResources r) {
        long bytes = 0;
        for (List<? extends Message> list : List.of(r.listeners(), r.routes(), r.clusters(), r.endpoints())) {
            for (Message m : list) {
                bytes += m.toByteArray().length;
            }
        }
        return bytes;
    }

    private static long blackhole;

    private static void warmUp(LongSupplier... runs) {
        long end = System.nanoTime() + WARMUP_NANOS;
        int rounds = 0;
        while (System.nanoTime() < end || rounds < 5) {
            for (LongSupplier run : runs) {
                blackhole += run.getAsLong();
            }
            rounds++;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * At least {@link #MEASURED} iterations and {@link #MEASURE_NANOS}: small meshes get enough runs for a p99. Also
     * the thread's CPU time per iteration: on a shared machine wall-clock includes time the thread waited for a core.
     */
    private static Timings measure(LongSupplier run) {
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long end = System.nanoTime() + MEASURE_NANOS;
        while (ms.size() < MEASURED || System.nanoTime() < end) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            blackhole += run.getAsLong();
            ms.add((System.nanoTime() - start) / 1e6);
            cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        return new Timings(sorted(ms), sorted(cpu));
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Sorted wall-clock and CPU times of the iterations in ms; quantiles by nearest rank. */
    private record Timings(double[] ms, double[] cpu) {
        double cpuP50() {
            return quantile(cpu, 0.50);
        }

        double min() {
            return ms[0];
        }

        double p50() {
            return quantile(ms, 0.50);
        }

        double p99() {
            return quantile(ms, 0.99);
        }

        private static double quantile(double[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
