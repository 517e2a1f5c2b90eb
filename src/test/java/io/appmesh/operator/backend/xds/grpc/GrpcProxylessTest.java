package io.appmesh.operator.backend.xds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;

import io.appmesh.operator.backend.xds.EnvoyResources;
import io.appmesh.operator.backend.xds.GoldenCases;
import io.appmesh.operator.backend.xds.Proxyless;
import io.appmesh.operator.backend.xds.XdsTranslator;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.model.NodeModel;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;

/**
 * A real, independent xDS client against the translator's proxyless output: grpc-java's xDS implementation
 * subscribes to an {@link AdsTestServer} as a pod of the {@code client} VirtualNode of {@code GrpcProxylessTest/}, and
 * its calls reach {@link GrpcPods} at the addresses EDS names. Each test dials with a fresh channel (its own xDS
 * client), so the subscription, the routing and the load balancing are grpc-xds's, end to end; after each test no
 * resource may have been NACKed. Only gRPC semantics are covered (grpc-xds ignores route timeouts and HTTP retry
 * events); the rest is the routing oracle's.
 */
class GrpcProxylessTest {

    private static final Path MANIFESTS = Path.of("src/test/resources/GrpcProxylessTest");
    private static final int PORT = 18080;
    private static final String NS = ".apps.svc.cluster.local:" + PORT;

    private static AdsTestServer ads;
    private static GrpcPods pods;
    private static String group;
    private static String subnet;
    private final List<ManagedChannel> channels = new ArrayList<>();

    /**
     * Pods listen on a random 127.r.0.0/24 rather than the manifests' 127.0.0.x (same last octet), so that test runs of
     * several checkouts on one machine do not fight over the fixed listener port; a subnet in use is skipped.
     */
    @BeforeAll
    static void start() throws IOException, InterruptedException {
        ads = AdsTestServer.start();
        Random random = new Random();
        for (int attempt = 1;; attempt++) {
            subnet = "127." + (1 + random.nextInt(254)) + ".0.";
            pods = new GrpcPods();
            try {
                for (String[] pod : new String[][]{{"red-1", "2"}, {"blue-1", "3"}, {"green-1", "4"},
                        {"flaky-a-1", "5"}, {"flaky-b-1", "6"}, {"flaky-c-1", "7"}, {"pool-1", "8"},
                        {"pool-2", "9"}}) {
                    pods.start(pod[0], subnet + pod[1], PORT);
                }
                return;
            } catch (IOException e) {
                pods.close();
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (pods != null) {
            pods.close();
        }
        if (ads != null) {
            ads.close();
        }
    }

    @BeforeEach
    void serveEveryPod() throws IOException {
        pods.reset();
        NodeModel model = model(e -> true);
        group = XdsClients.nodeId(model.mesh(), model.node());
        ads.setSnapshot(group, XdsTranslator.proxyless(model));
    }

    @AfterEach
    void noNacks() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(ads.nacks()).as("NACKs").isEmpty();
        assertThat(ads.nodes().values()).as("grpc-java's node is recognised as a proxyless client").isNotEmpty()
                .allMatch(Proxyless::isGrpcClient);
    }

    /**
     * 2,000 calls, each sent to red with probability 0.75 (grpc-xds draws a random number per call for weighted
     * clusters): red's share has a standard deviation of sqrt(0.75 * 0.25 / 2000) = 0.97 points, so the ±5-point
     * tolerance is 5.2 standard deviations, exceeded with probability about 2.5e-7 — once in millions of runs.
     */
    @Test
    void aWeightedSplitFollowsTheWeights() {
        Channel color = channel("color" + NS);
        int n = 2000;

        Map<String, Integer> answers = count(color, "color.ColorService/GetColor", n, Map.of());

        assertThat(answers.keySet()).containsOnly("red-1", "blue-1");
        assertThat(answers.get("red-1") / (double) n).isCloseTo(0.75, offset(0.05));
    }

    @Test
    void aMetadataMatchRoutesToItsNode() {
        Channel color = channel("color" + NS);

        assertThat(count(color, "color.ColorService/GetColor", 50, Map.of("x-color", "green")))
                .containsOnlyKeys("green-1");
        assertThat(count(color, "color.ColorService/GetColor", 50, Map.of("x-color", "red")))
                .doesNotContainKey("green-1");
    }

    @Test
    void serviceAndMethodMatchesRoute() {
        Channel color = channel("color" + NS);

        assertThat(count(color, "color.ColorService/GetBlue", 50, Map.of())).containsOnlyKeys("blue-1");
        assertThatThrownBy(() -> call(color, "other.Service/Get", Map.of())).isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).as("no route").isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(pods.pod("red-1").calls() + pods.pod("blue-1").calls() + pods.pod("green-1").calls())
                .as("no pod reached without a route").isEqualTo(50);
    }

    @Test
    void theRoutesRetryPolicyRetriesUnavailable() {
        Channel flaky = channel("flaky-retry" + NS);
        pods.pod("flaky-a-1").failNext(3); // maxRetries 3: the fourth attempt succeeds

        assertThat(call(flaky, "demo.Flaky/Call", Map.of())).isEqualTo("flaky-a-1");
        assertThat(count(flaky, "demo.Flaky/Call", 20, Map.of())).containsOnlyKeys("flaky-a-1");
        assertThat(pods.pod("flaky-a-1").calls()).isEqualTo(24);
    }

    /** App Mesh's default policy (2 retries, {@code unavailable} among its events) applies without a user policy. */
    @Test
    void theDefaultRetryPolicyRetriesUnavailable() {
        Channel flaky = channel("flaky-default" + NS);
        pods.pod("flaky-b-1").failNext(2);

        assertThat(call(flaky, "demo.Flaky/Call", Map.of())).isEqualTo("flaky-b-1");
        assertThat(pods.pod("flaky-b-1").calls()).isEqualTo(3);
    }

    /** The control: a policy that does not list unavailable does not retry it, so the retries above are the policy's. */
    @Test
    void aPolicyWithoutUnavailableDoesNotRetryIt() {
        Channel flaky = channel("flaky-strict" + NS);
        call(flaky, "demo.Flaky/Call", Map.of()); // connected before the failure is armed
        pods.pod("flaky-c-1").failNext(1);

        assertThatThrownBy(() -> call(flaky, "demo.Flaky/Call", Map.of())).isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(pods.pod("flaky-c-1").calls()).isEqualTo(2);
    }

    @Test
    void aRemovedEndpointGetsNoMoreCalls() throws IOException {
        Channel pool = channel("pool" + NS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(count(pool, "demo.Pool/Call", 10, Map.of())).containsOnlyKeys("pool-1", "pool-2"));
        NodeModel without = model(e -> !"pool-2".equals(e.podName()));
        EnvoyResources resources = XdsTranslator.proxyless(without);

        ads.setSnapshot(group, resources);

        String eds = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ads.acked(group, eds)).isEqualTo(AdsTestServer.version(resources.endpoints())));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(pool, "demo.Pool/Call", 10, Map.of())).containsOnlyKeys("pool-1"));
        int before = pods.pod("pool-2").calls();
        assertThat(count(pool, "demo.Pool/Call", 100, Map.of())).containsOnlyKeys("pool-1");
        assertThat(pods.pod("pool-2").calls()).isEqualTo(before);
    }

    private static NodeModel model(Predicate<Endpoint> keep) throws IOException {
        return GoldenCases.model(MANIFESTS, "client", e -> new Endpoint(subnet + e.ip().substring("127.0.0.".length()),
                e.podName(), e.namespace(), e.labels(), e.ready(), e.region(), e.zone()), keep);
    }

    private Channel channel(String authority) {
        ManagedChannel channel = XdsClients.channel(ads, group, authority);
        channels.add(channel);
        return channel;
    }

    private static String call(Channel channel, String method, Map<String, String> headers) {
        return ClientCalls.blockingUnaryCall(withHeaders(channel, headers), GrpcPods.method(method), options(), "hello");
    }

    private static ListenableFuture<String> start(Channel channel, String method, Map<String, String> headers) {
        return ClientCalls.futureUnaryCall(withHeaders(channel, headers).newCall(GrpcPods.method(method), options()),
                "hello");
    }

    /** Wait for ready: a channel's first call waits for LDS, CDS and EDS; the deadline only bounds a hung test. */
    private static CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS).withWaitForReady();
    }

    private static Channel withHeaders(Channel channel, Map<String, String> headers) {
        Metadata metadata = new Metadata();
        headers.forEach((k, v) -> metadata.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    /** Which pod answered, how often, over {@code n} calls made at once (each call routes on its own). */
    private static Map<String, Integer> count(Channel channel, String method, int n, Map<String, String> headers) {
        List<ListenableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(start(channel, method, headers));
        }
        Map<String, Integer> answers = new TreeMap<>();
        calls.forEach(c -> answers.merge(Futures.getUnchecked(c), 1, Integer::sum));
        return answers;
    }
}
