package io.appmesh.operator.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.PortMapping;
import io.appmesh.operator.api.v1beta2.common.VirtualNodeReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.DNSServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.ServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualNodeServiceProvider;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualServiceProvider;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code make bench-reconcile}: N VirtualNodes + N VirtualServices (N = 100, 1000) reconciled by the packaged operator
 * (its own JVM) against moto behind the AWS front. Reports the time until all are Active, AWS calls per resource (from
 * the operator's {@code aws_api_calls_total}), the calls of one no-op resync, and the operator's RSS. Objects are
 * created as the webhooks would store them (meshRef, awsName), straight into the test API server. The App Mesh rate
 * limits are lifted to measure the operator, not upstream's default of 8 writes/s (see docs/benchmarks.md).
 */
public final class ReconcileBenchmark {

    private static final Duration SYNC_PERIOD = Duration.ofSeconds(45);

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0 ? List.of(Integer.parseInt(args[0])) : List.of(100, 1000);
        String binary = System.getProperty("appmesh.operator.binary", "");
        System.out.println("operator: " + (binary.isEmpty() ? "JVM (target/quarkus-app)" : "native " + binary)
                + ", options " + OPTIONS);
        System.out.printf("%-6s %-12s %-10s %-14s %-16s %-22s %-24s %-10s%n", "N", "ready (s)", "idle RSS",
                "to Active (s)", "AWS calls / CR",
                "resync reads / writes", "writes during resync", "RSS (MiB)");
        for (int n : sizes) {
            run(n);
        }
        // Client threads of the test servers would keep exec:java waiting.
        System.exit(0);
    }

    private static void run(int n) throws Exception {
        try (MotoProcess moto = MotoProcess.start();
                AwsFront aws = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
                LocalOperator operator = LocalOperator.start(options(aws), false);
                KubernetesClient client = operator.client()) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName("bench")
                    .addToLabels("mesh", "bench").endMetadata().build()).create();
            Mesh mesh = new Mesh();
            mesh.setMetadata(new ObjectMetaBuilder().withName("bench").build());
            mesh.getSpec().setAwsName("bench");
            LabelSelector selector = new LabelSelector();
            selector.setMatchLabels(Map.of("mesh", "bench"));
            mesh.getSpec().setNamespaceSelector(selector);
            mesh = client.resource(mesh).create();
            MeshReference ref = new MeshReference();
            ref.setName("bench");
            ref.setUid(mesh.getMetadata().getUid());

            long idleRss = operator.rssMiB();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                client.resource(node("node-" + i, ref)).create();
                client.resource(service("svc-" + i, "node-" + i, ref)).create();
            }
            while (active(client, VirtualNode.class) < n || active(client, VirtualService.class) < n) {
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> converged = awsCalls(operator);
            double total = converged.values().stream().mapToDouble(Double::doubleValue).sum();

            // One no-op resync: every object is described again once the sync period has passed.
            Thread.sleep(SYNC_PERIOD.plusSeconds(10).toMillis());
            Map<String, Double> resynced = awsCalls(operator);
            double reads = 0;
            double writes = 0;
            for (var e : resynced.entrySet()) {
                double delta = e.getValue() - converged.getOrDefault(e.getKey(), 0.0);
                if (e.getKey().matches("(Create|Update|Delete).*")) {
                    writes += delta;
                } else {
                    reads += delta;
                }
            }
            System.out.printf("%-6d %-12.2f %-10d %-14.1f %-16.2f %-22s %-24.0f %-10d%n", n,
                    operator.readyAfter().toMillis() / 1000.0, idleRss, seconds, total / (2.0 * n + 1),
                    String.format("%.0f / %.0f", reads, writes), writes, operator.rssMiB());
        }
    }

    /** Extra operator options ({@code -Dbench.jvm="-Xmx512m"}), the same for the JVM and the native executable. */
    private static final List<String> OPTIONS = System.getProperty("bench.jvm", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("bench.jvm").trim().split("\\s+"));

    private static List<String> options(AwsFront aws) {
        List<String> options = new ArrayList<>(aws.operatorOptions());
        options.addAll(List.of("-Dappmesh.sync-period=" + SYNC_PERIOD.toSeconds() + "s",
                "-Dappmesh.aws-api-throttle=App Mesh:.*=10000:10000", "-Dquarkus.log.level=WARN"));
        options.addAll(OPTIONS);
        return options;
    }

    private static VirtualNode node(String name, MeshReference mesh) {
        VirtualNode node = new VirtualNode();
        node.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("bench").build());
        node.getSpec().setMeshRef(mesh);
        node.getSpec().setAwsName(name + "_bench");
        LabelSelector pods = new LabelSelector();
        pods.setMatchLabels(Map.of("app", name));
        node.getSpec().setPodSelector(pods);
        Listener listener = new Listener();
        PortMapping port = new PortMapping();
        port.setPort(8080L);
        port.setProtocol("http");
        listener.setPortMapping(port);
        node.getSpec().setListeners(List.of(listener));
        ServiceDiscovery discovery = new ServiceDiscovery();
        DNSServiceDiscovery dns = new DNSServiceDiscovery();
        dns.setHostname(name + ".bench.svc.cluster.local");
        discovery.setDns(dns);
        node.getSpec().setServiceDiscovery(discovery);
        return node;
    }

    private static VirtualService service(String name, String node, MeshReference mesh) {
        VirtualService service = new VirtualService();
        service.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("bench").build());
        service.getSpec().setMeshRef(mesh);
        service.getSpec().setAwsName(name + ".bench.svc.cluster.local");
        VirtualServiceProvider provider = new VirtualServiceProvider();
        VirtualNodeServiceProvider byNode = new VirtualNodeServiceProvider();
        VirtualNodeReference nodeRef = new VirtualNodeReference();
        nodeRef.setName(node);
        byNode.setVirtualNodeRef(nodeRef);
        provider.setVirtualNode(byNode);
        service.getSpec().setProvider(provider);
        return service;
    }

    private static long active(KubernetesClient client, Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type) {
        return client.resources(type).inNamespace("bench").list().getItems().stream().filter(References::isActive)
                .count();
    }

    /** aws_api_calls_total by operation, from the operator's /q/metrics. */
    private static Map<String, Double> awsCalls(LocalOperator operator) throws Exception {
        Map<String, Double> calls = new TreeMap<>();
        for (LocalOperator.Sample sample : operator.samples("aws_api_calls_total")) {
            calls.merge(sample.labels().get("operation"), sample.value(), Double::sum);
        }
        return calls;
    }
}
