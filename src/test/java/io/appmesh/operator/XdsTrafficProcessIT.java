package io.appmesh.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.xds.AdsClient;
import io.appmesh.operator.backend.xds.grpc.AdsRelay;
import io.appmesh.operator.backend.xds.grpc.GrpcPods;
import io.appmesh.operator.backend.xds.grpc.XdsClients;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

/**
 * Live traffic through the packaged operator (JVM jar, or the native executable under {@code make test-native}) as
 * the xDS control plane: grpc-java's xDS client, as the proxyless client of the {@code client} virtual node, calls
 * {@code color} continuously while a user shifts the router's weights from blue to green step by step, retires blue,
 * and while the operator itself is restarted. Not one call may fail: new clusters must arrive before the routes that
 * use them and old ones outlive the routes (make-before-break), and a client whose control plane goes away keeps
 * routing with what it has until the next one answers.
 */
class XdsTrafficProcessIT {

    private static final String NS = "traffic";
    private static final String HOST = "color.traffic.svc.cluster.local";
    /** The pods' port: fixed because EDS names one port per listener; the random subnet keeps runs apart. */
    private static final int PORT = 18090;
    private static final String METHOD = "color.ColorService/GetColor";
    private static final String CLIENT = XdsClients.nodeId(NS, "client_" + NS);
    private static final Duration CONVERGED = Duration.ofSeconds(30);
    /** Answers the weight checks look at: at a 50/50 split a window's share has a standard deviation of 2.9 points. */
    private static final int WINDOW = 300;
    /**
     * How close a window's green share must come to the step's weight: 3.5 standard deviations of a window at the
     * new weights, while the previous step's weights (25 points away) stay more than 5 standard deviations off.
     */
    private static final double TOLERANCE = 0.10;

    private LocalKubeApi api;
    private LocalOperator operator;
    private GrpcPods pods;
    private AdsRelay relay;
    private ManagedChannel channel;
    private ManagedChannel direct;
    private Caller caller;

    @AfterEach
    void stop() throws InterruptedException {
        if (caller != null) {
            caller.stop();
        }
        for (ManagedChannel c : new ManagedChannel[]{channel, direct}) {
            if (c != null) {
                c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        if (pods != null) {
            pods.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void weightShiftsAndARestartFailNoCall() throws Exception {
        String subnet = startPods();
        api = LocalKubeApi.start();
        int xdsPort = LocalOperator.freePort();
        // Plaintext and unauthenticated: grpc-xds's bootstrap here is insecure and sends no token (its TLS channel
        // credentials and token call credentials are not wired into XdsClients); XdsProcessIT covers the secured
        // channel on the same packaged operator.
        List<String> options = List.of("-Dappmesh.backend=xds", "-Dappmesh.xds.port=" + xdsPort,
                "-Dappmesh.xds.bind-address=127.0.0.1", "-Dappmesh.xds.tls.enabled=false",
                "-Dappmesh.xds.authenticate=false", "-Xmx256m");
        operator = LocalOperator.start(api, options, Map.of(), Path.of("target/xds-traffic-operator.log"));
        KubernetesClient client = api.client();
        Manifests manifests = new Manifests(client, operator.webhooks());
        manifests.apply(Manifests.namespaceAndMesh(NS));
        manifests.apply(node("blue", null) + node("green", null) + router(100, 0) + SERVICE + node("client", "color"));
        Fixtures.runReadyPod(client, NS, "blue-1", "blue", subnet + "3", false);
        Fixtures.runReadyPod(client, NS, "green-1", "green", subnet + "4", false);
        for (String node : List.of("blue", "green", "client")) {
            manifests.awaitActive(VirtualNode.class, NS, node, CONVERGED);
        }
        manifests.awaitActive(VirtualRouter.class, NS, "color", CONVERGED);
        manifests.awaitActive(VirtualService.class, NS, "color", CONVERGED);

        // Two clients of the node, calls alternating between them: one reaches the operator through a recording
        // relay, which shows what it acknowledged; the other connects to it directly, so it also loses its TCP
        // connection when the operator stops (the relay's stays up).
        relay = AdsRelay.start(xdsPort);
        channel = XdsClients.channel(relay.address(), CLIENT, HOST + ":" + PORT);
        direct = XdsClients.channel("127.0.0.1:" + xdsPort, CLIENT, HOST + ":" + PORT);
        for (ManagedChannel c : List.of(channel, direct)) {
            // The first call waits for the client's LDS, CDS and EDS; from then on every call counts.
            ClientCalls.blockingUnaryCall(c, GrpcPods.method(METHOD), CallOptions.DEFAULT.withWaitForReady()
                    .withDeadlineAfter(CONVERGED.toSeconds(), TimeUnit.SECONDS), "");
        }
        caller = new Caller(List.of(channel, direct));
        caller.start();
        awaitGreenShare(0.0);

        // Make-before-break: the weights move while calls flow, then blue leaves the router and the mesh.
        for (int green : new int[]{25, 50, 75, 100}) {
            caller.phase("blue " + (100 - green) + " / green " + green);
            manifests.update(router(100 - green, green));
            awaitGreenShare(green / 100.0);
        }
        caller.phase("blue out of the router, then deleted");
        manifests.update(router(-1, 100));
        manifests.deleteAndAwait(CONVERGED, manifests.get(VirtualNode.class, NS, "blue"));
        client.pods().inNamespace(NS).withName("blue-1").delete();
        // Once blue is gone for the control plane its clusters linger, then leave; a call still routed there would
        // now fail instead of being answered.
        pods.stop("blue-1");
        caller.mark();
        await().atMost(CONVERGED).until(() -> caller.answeredSinceMark() >= WINDOW);
        assertThat(caller.answersSinceMark()).as("answers after blue left").containsOnlyKeys("green-1");
        assertThat(nacks(operator)).as("NACKs").isZero();
        // blue's cluster lingers a moment after its last route: the client holds the configuration without it
        await().atMost(CONVERGED).until(() -> {
            DiscoveryResponse cds = relay.streams().get(relay.streams().size() - 1).last(AdsClient.CDS);
            return AdsClient.resources(cds, Cluster.class).stream().noneMatch(c -> c.getName().contains("_blue_"));
        });
        Map<String, String> held = awaitApplied();
        caller.phase("client applied green only");

        // A restart mid-traffic (SIGTERM, then a new process on the same API server and port): the client keeps its
        // configuration while no control plane answers and resubscribes to the new one.
        caller.phase("operator restart");
        int streamsBefore = relay.streams().size();
        long before = caller.calls();
        long stopped = System.nanoTime();
        operator.close();
        operator = LocalOperator.start(api, options, Map.of(), Path.of("target/xds-traffic-operator-restarted.log"));
        long down = System.nanoTime() - stopped;
        long duringRestart = caller.calls() - before;
        assertThat(duringRestart).as("calls while no control plane answered").isPositive();
        caller.phase("new operator ready, client reconnecting");
        await().atMost(CONVERGED).until(() -> connectedStreams(operator, "grpc/" + CLIENT) >= 2);
        caller.phase("after the restart");
        caller.mark();
        await().atMost(CONVERGED).until(() -> caller.answeredSinceMark() >= 3 * WINDOW);
        // The client resubscribed with the versions it held (it kept its configuration), and the new process, given
        // the same objects, has the same versions: it answers nothing, or those very versions.
        List<AdsRelay.Stream> after = relay.streams().subList(streamsBefore, relay.streams().size());
        assertThat(after).as("streams since the restart").isNotEmpty();
        for (AdsRelay.Stream stream : after) {
            for (String type : TYPES) {
                DiscoveryRequest first = stream.first(type);
                if (first != null) {
                    assertThat(first.getVersionInfo()).as("%s the client holds after the restart", type)
                            .isEqualTo(held.get(type));
                }
            }
        }
        AdsRelay.Stream resumed = after.get(after.size() - 1);
        int resent = resumed.responses().size();
        for (String type : TYPES) {
            assertThat(resumed.first(type)).as("%s resubscribed", type).isNotNull();
            assertThat(resumed.responses()).filteredOn(r -> r.getTypeUrl().equals(type))
                    .as("%s the new operator sent", type).allMatch(r -> r.getVersionInfo().equals(held.get(type)));
        }
        manifests = new Manifests(client, operator.webhooks());
        manifests.apply(node("blue", null));
        Fixtures.runReadyPod(client, NS, "blue-2", "blue", subnet + "5", false);
        manifests.awaitActive(VirtualNode.class, NS, "blue", CONVERGED);
        caller.phase("blue back at 50 / green 50, through the new operator");
        manifests.update(router(50, 50));
        awaitGreenShare(0.5);
        assertThat(caller.recent()).as("blue is back, as its new pod").contains("blue-2").doesNotContain("blue-1");
        assertThat(awaitApplied()).as("the client applied a configuration from the new operator").isNotEqualTo(held);
        // Blue leaves the router while it takes half the calls: its cluster lingers until the client routes no call
        // there (without the linger it would leave in the same push, CDS before LDS; this test did not catch that).
        caller.phase("blue out of the router at 50");
        manifests.update(router(-1, 100));
        awaitGreenShare(1.0);
        awaitApplied();

        caller.stop();
        System.out.printf("XdsTrafficProcessIT: %d calls, %d failed; %d during the restart (%d ms without operator);"
                + " %d ADS streams, %d responses (same versions) on resuming%n", caller.calls(), caller.failures().size(),
                duringRestart, down / 1_000_000, relay.streams().size(), resent);
        caller.phase("done");
        caller.timeline.forEach(System.out::println);
        assertThat(caller.failures()).as("failed calls of %d", caller.calls()).isEmpty();
        assertThat(nacks(operator)).as("NACKs after the restart").isZero();
        assertThat(relay.nacks()).as("requests refusing a response").isEmpty();
    }

    /** What a proxyless client subscribes to: its API listener (routes inline), the clusters and their endpoints. */
    private static final List<String> TYPES = List.of(AdsClient.LDS, AdsClient.CDS, AdsClient.EDS);

    /**
     * Waits until the client has acknowledged, on its current stream, the last version the operator sent of each
     * type (or, for a type not sent on it, resubscribed with it), and returns those versions.
     */
    private Map<String, String> awaitApplied() {
        Map<String, String> applied = new TreeMap<>();
        await().atMost(CONVERGED).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<AdsRelay.Stream> streams = relay.streams();
            AdsRelay.Stream current = streams.get(streams.size() - 1);
            applied.clear();
            for (String type : TYPES) {
                String sent = current.sent(type);
                if (sent == null && current.first(type) != null) {
                    // nothing sent on this stream: the server had what the client resubscribed with
                    applied.put(type, current.first(type).getVersionInfo());
                    continue;
                }
                if (sent == null || !sent.equals(current.acked(type))) {
                    return false;
                }
                applied.put(type, sent);
            }
            return true;
        });
        return applied;
    }

    /** blue-1, green-1 and blue-2 (blue's pod after the restart) on a free random 127.r.0.0/24. */
    private String startPods() throws IOException, InterruptedException {
        Random random = new Random();
        for (int attempt = 1;; attempt++) {
            String subnet = "127." + (1 + random.nextInt(254)) + ".0.";
            pods = new GrpcPods();
            try {
                pods.start("blue-1", subnet + "3", PORT);
                pods.start("green-1", subnet + "4", PORT);
                pods.start("blue-2", subnet + "5", PORT);
                return subnet;
            } catch (IOException e) {
                pods.close();
                pods = null;
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the last {@link #WINDOW} answers show the share of green (exactly, at 0 and 1). */
    private void awaitGreenShare(double share) {
        await().atMost(CONVERGED).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<String> recent = caller.recent();
            if (recent.size() < WINDOW) {
                return false;
            }
            double green = recent.stream().filter("green-1"::equals).count() / (double) recent.size();
            return share == 0 || share == 1 ? green == share : Math.abs(green - share) <= TOLERANCE;
        });
    }

    private static double nacks(LocalOperator operator) throws IOException, InterruptedException {
        return operator.samples("appmesh_xds_nacks_total").stream().mapToDouble(LocalOperator.Sample::value).sum();
    }

    private static double connectedStreams(LocalOperator operator, String group) throws IOException, InterruptedException {
        return operator.samples("appmesh_xds_connected_streams").stream()
                .filter(s -> group.equals(s.labels().get("node"))).mapToDouble(LocalOperator.Sample::value).sum();
    }

    /** A VirtualNode as a user writes it: a gRPC listener on the pods' port, optionally one backend. */
    private static String node(String name, String backend) {
        return """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: %1$s, namespace: %2$s}
                spec:
                  podSelector: {matchLabels: {app: %1$s}}
                  listeners: [{portMapping: {port: %3$d, protocol: grpc}}]
                  serviceDiscovery: {dns: {hostname: %1$s.%2$s.svc.cluster.local}}
                """.formatted(name, NS, PORT)
                + (backend == null
                        ? ""
                        : "  backends: [{virtualService: {virtualServiceRef: {name: %s}}}]\n"
                                .formatted(backend));
    }

    private static final String SERVICE = """
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: color, namespace: %s}
            spec:
              awsName: %s
              provider: {virtualRouter: {virtualRouterRef: {name: color}}}
            """.formatted(NS, HOST);

    /** The router with blue and green at these weights; a negative blue weight leaves blue out. */
    private static String router(int blue, int green) {
        String targets = (blue < 0 ? "" : "{virtualNodeRef: {name: blue}, weight: %d}, ".formatted(blue))
                + "{virtualNodeRef: {name: green}, weight: %d}".formatted(green);
        return """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualRouter
                metadata: {name: color, namespace: %s}
                spec:
                  listeners: [{portMapping: {port: %d, protocol: grpc}}]
                  routes:
                    - name: split
                      grpcRoute:
                        match: {serviceName: color.ColorService}
                        action: {weightedTargets: [%s]}
                """.formatted(NS, PORT, targets);
    }

    /**
     * Calls one after another, alternating between the channels (a 2 ms pause between them leaves the two-core CI machines to the operator), each with
     * a 2 s deadline and no wait-for-ready: a call fails as soon as the channel has no usable configuration or
     * endpoint, which is what the test must never see.
     */
    private static final class Caller {

        private final List<ManagedChannel> channels;
        private final Thread thread;
        private final AtomicLong calls = new AtomicLong();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Deque<String> recent = new ArrayDeque<>();
        private final Map<String, Integer> sinceMark = new TreeMap<>();
        private volatile boolean running = true;
        private volatile String phase = "blue 100 / green 0";
        /** When each phase began, printed at the end: where the test's time goes. */
        private final List<String> timeline = new CopyOnWriteArrayList<>();
        private final long started = System.nanoTime();

        Caller(List<ManagedChannel> channels) {
            this.channels = channels;
            this.thread = new Thread(this::run, "traffic-caller");
        }

        void start() {
            thread.start();
        }

        private void run() {
            for (int i = 0; running; i++) {
                ManagedChannel channel = channels.get(i % channels.size());
                try {
                    String pod = ClientCalls.blockingUnaryCall(channel, GrpcPods.method(METHOD),
                            CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS), "");
                    answered(pod);
                } catch (StatusRuntimeException e) {
                    if (running) {
                        failures.add(phase + (channel == channels.get(0) ? "" : " (direct)") + ": " + e.getStatus());
                    }
                }
                calls.incrementAndGet();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void answered(String pod) {
            recent.addLast(pod);
            if (recent.size() > WINDOW) {
                recent.removeFirst();
            }
            sinceMark.merge(pod, 1, Integer::sum);
        }

        /** What the test is doing, for the failures' messages. */
        void phase(String phase) {
            this.phase = phase;
            timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - started) / 1e9, phase));
        }

        synchronized void mark() {
            sinceMark.clear();
        }

        synchronized Map<String, Integer> answersSinceMark() {
            return new TreeMap<>(sinceMark);
        }

        synchronized int answeredSinceMark() {
            return sinceMark.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized List<String> recent() {
            return new ArrayList<>(recent);
        }

        long calls() {
            return calls.get();
        }

        List<String> failures() {
            return failures;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
