package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.sandbox.TokenAuthority;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.XdsTestEnvironment;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ADS channel as pods meet it (TLS and token authentication on, the defaults): over a real TLS connection with the
 * test API server's TokenReview ({@link TokenAuthority}), a pod is served the node that selects it (and that node's
 * proxyless {@code grpc/} group), and every other stream is refused — no token, a forged, expired or other-audience
 * token, a token bound to no pod, a pod of another namespace, a pod the node does not select, a node nobody serves, a
 * node switched mid-stream, a plaintext client — each without having received a single resource, and counted in
 * {@code appmesh_xds_denied_total{reason}}; and an open stream is closed with PERMISSION_DENIED once its pod is
 * relabelled out of its node's selector or deleted, or its node is deleted.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = XdsTestEnvironment.class, restrictToAnnotatedClass = true)
class XdsChannelIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final String AUDIENCE = "appmesh-xds";
    private static final String FRONT = "mesh/chan/virtualNode/front_chan";
    private static final String BACK = "mesh/chan/virtualNode/back_chan";

    @Inject
    XdsControlPlane plane;

    @Inject
    MeterRegistry registry;

    private Pod front;
    private Pod back;
    private Pod otherNamespace;

    @BeforeEach
    void mesh() {
        Manifests manifests = manifests();
        if (client.pods().inNamespace("chan").withName("front-1").get() == null) {
            manifests.apply(Manifests.namespaceAndMesh("chan"));
            manifests.apply(MANIFESTS);
            Fixtures.runReadyPod(client, "chan", "front-1", "front", "10.1.0.10", false);
            Fixtures.runReadyPod(client, "chan", "back-1", "back", "10.1.0.11", false);
            // Labelled like front's pods, but in a namespace front does not live in.
            Fixtures.runReadyPod(client, "elsewhere", "front-1", "front", "10.1.0.12", false);
        }
        manifests.awaitActive(VirtualNode.class, "chan", "front", CONVERGED);
        manifests.awaitActive(VirtualNode.class, "chan", "back", CONVERGED);
        front = client.pods().inNamespace("chan").withName("front-1").get();
        back = client.pods().inNamespace("chan").withName("back-1").get();
        otherNamespace = client.pods().inNamespace("elsewhere").withName("front-1").get();
        await().atMost(CONVERGED).until(() -> plane.port().isPresent() && plane.snapshots().groups().contains(FRONT)
                && plane.pod("chan", "front-1") != null && plane.pod("chan", "back-1") != null
                && plane.pod("elsewhere", "front-1") != null);
    }

    @Test
    void servesAPodTheNodeThatSelectsItAndItsProxylessGroup() throws Exception {
        String token = token(front, AUDIENCE, Instant.now().plusSeconds(600));
        double before = denied(null);
        try (AdsClient envoy = AdsClient.secure(plane.port().get(), token, FRONT)) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse cds = envoy.next(ANSWER);
            assertThat(cds).as("front's clusters over TLS with front-1's token").isNotNull();
            assertThat(AdsClient.resources(cds, Cluster.class).stream().map(Cluster::getName))
                    .contains("cds_ingress_chan_front_chan_http_8080", "cds_egress_chan_back_chan_http_8080");
        }
        try (AdsClient proxyless = AdsClient.secure(plane.port().get(), token, AdsClient.grpcJava(FRONT))) {
            proxyless.subscribe(AdsClient.LDS, List.of(), "");
            DiscoveryResponse lds = await().atMost(CONVERGED).until(() -> proxyless.next(ANSWER), r -> r != null);
            assertThat(AdsClient.resources(lds, Listener.class).stream().map(Listener::getName))
                    .containsExactly("back.chan.svc.cluster.local:8080");
        }
        assertThat(denied(null)).isEqualTo(before);
    }

    @Test
    void refusesAStreamWithoutAToken() throws Exception {
        assertRefused(null, AdsClient.envoy(FRONT), Status.Code.UNAUTHENTICATED, "no-token");
    }

    @Test
    void refusesATokenTheApiServerDidNotIssue() throws Exception {
        String token = token(front, AUDIENCE, Instant.now().plusSeconds(600));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkIGJ5IG5vYm9keQ";
        assertRefused(forged, AdsClient.envoy(FRONT), Status.Code.UNAUTHENTICATED, "unauthenticated");
        assertRefused("not-a-jwt", AdsClient.envoy(FRONT), Status.Code.UNAUTHENTICATED, "malformed");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(token(front, AUDIENCE, Instant.now().minusSeconds(5)), AdsClient.envoy(FRONT),
                Status.Code.UNAUTHENTICATED, "expired");
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        assertRefused(token(front, TokenAuthority.API_SERVER_AUDIENCE, Instant.now().plusSeconds(600)),
                AdsClient.envoy(FRONT), Status.Code.UNAUTHENTICATED, "other-audience");
    }

    @Test
    void refusesATokenBoundToNoPod() throws Exception {
        assertRefused(TokenAuthority.serviceAccountToken("chan", "default", AUDIENCE, Instant.now().plusSeconds(600)),
                AdsClient.envoy(FRONT), Status.Code.UNAUTHENTICATED, "no-pod-binding");
    }

    @Test
    void refusesAPodOfAnotherNamespace() throws Exception {
        assertRefused(token(otherNamespace, AUDIENCE, Instant.now().plusSeconds(600)), AdsClient.envoy(FRONT),
                Status.Code.PERMISSION_DENIED, "other-namespace");
    }

    @Test
    void refusesAPodTheNodeDoesNotSelect() throws Exception {
        String backToken = token(back, AUDIENCE, Instant.now().plusSeconds(600));
        assertRefused(backToken, AdsClient.envoy(FRONT), Status.Code.PERMISSION_DENIED, "not-selected");
        assertRefused(backToken, AdsClient.grpcJava(FRONT), Status.Code.PERMISSION_DENIED, "not-selected");
    }

    @Test
    void refusesANodeNobodyServes() throws Exception {
        assertRefused(token(front, AUDIENCE, Instant.now().plusSeconds(600)),
                AdsClient.envoy("mesh/chan/virtualNode/ghost_chan"), Status.Code.PERMISSION_DENIED, "unknown-node");
    }

    @Test
    void closesAStreamWhoseNodeChangesToOneThePodMayNotRead() throws Exception {
        String token = token(front, AUDIENCE, Instant.now().plusSeconds(600));
        double before = denied("not-selected");
        try (AdsClient envoy = AdsClient.secure(plane.port().get(), token, FRONT)) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse cds = envoy.next(ANSWER);
            assertThat(cds).isNotNull();
            envoy.switchNode(AdsClient.envoy(BACK));
            envoy.ack(cds, List.of());
            assertThat(envoy.refusedWith(ANSWER)).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(denied("not-selected")).isEqualTo(before + 1);
    }

    @Test
    void closesTheOpenStreamOfAPodRelabelledOutOfItsNodesSelector() throws Exception {
        Pod pod = Fixtures.runReadyPod(client, "chan", "front-relabelled", "front", "10.1.0.20", false);
        await().atMost(CONVERGED).until(() -> plane.pod("chan", "front-relabelled") != null);
        double before = denied("not-selected");
        try (AdsClient envoy = AdsClient.secure(plane.port().get(), token(pod, AUDIENCE, Instant.now().plusSeconds(600)),
                FRONT)) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(envoy.next(ANSWER)).as("served while front selects it").isNotNull();
            client.pods().inNamespace("chan").withName("front-relabelled").edit(p -> new PodBuilder(p).editMetadata()
                    .addToLabels("app", "not-front").endMetadata().build());
            assertThat(envoy.closedWith(CONVERGED)).isEqualTo(Status.Code.PERMISSION_DENIED);
        } finally {
            client.pods().inNamespace("chan").withName("front-relabelled").delete();
        }
        assertThat(denied("not-selected")).isEqualTo(before + 1);
    }

    @Test
    void closesTheOpenStreamOfADeletedPod() throws Exception {
        Pod pod = Fixtures.runReadyPod(client, "chan", "front-deleted", "front", "10.1.0.21", false);
        await().atMost(CONVERGED).until(() -> plane.pod("chan", "front-deleted") != null);
        double before = denied("pod-not-found");
        try (AdsClient envoy = AdsClient.secure(plane.port().get(), token(pod, AUDIENCE, Instant.now().plusSeconds(600)),
                FRONT)) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(envoy.next(ANSWER)).isNotNull();
            client.pods().inNamespace("chan").withName("front-deleted").delete();
            assertThat(envoy.closedWith(CONVERGED)).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(denied("pod-not-found")).isEqualTo(before + 1);
    }

    @Test
    void closesTheOpenStreamsOfANodeThatIsDeleted() throws Exception {
        Manifests manifests = manifests();
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: solo, namespace: chan}
                spec:
                  podSelector: {matchLabels: {app: solo}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: solo.chan.svc.cluster.local}}
                """);
        VirtualNode solo = manifests.awaitActive(VirtualNode.class, "chan", "solo", CONVERGED);
        Pod pod = Fixtures.runReadyPod(client, "chan", "solo-1", "solo", "10.1.0.22", false);
        String group = "mesh/chan/virtualNode/solo_chan";
        await().atMost(CONVERGED)
                .until(() -> plane.pod("chan", "solo-1") != null && plane.snapshots().groups().contains(group));
        double before = denied("unknown-node");
        try (AdsClient envoy = AdsClient.secure(plane.port().get(), token(pod, AUDIENCE, Instant.now().plusSeconds(600)),
                AdsClient.envoy(group))) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(envoy.next(ANSWER)).as("served while solo exists").isNotNull();
            manifests.deleteAndAwait(CONVERGED, solo);
            assertThat(envoy.closedWith(CONVERGED)).isEqualTo(Status.Code.PERMISSION_DENIED);
        } finally {
            client.pods().inNamespace("chan").withName("solo-1").delete();
        }
        assertThat(denied("unknown-node")).isEqualTo(before + 1);
    }

    @Test
    void refusesAPlaintextClient() throws Exception {
        try (AdsClient plaintext = new AdsClient(plane.port().get(), FRONT)) {
            plaintext.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(plaintext.refusedWith(ANSWER)).isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    private void assertRefused(String token, Node node, Status.Code code, String reason) throws Exception {
        double before = denied(reason);
        try (AdsClient client = AdsClient.secure(plane.port().get(), token, node)) {
            client.subscribe(AdsClient.CDS, List.of(), "");
            client.subscribe(AdsClient.LDS, List.of(), "");
            assertThat(client.refusedWith(ANSWER)).as(reason).isEqualTo(code);
        }
        assertThat(denied(reason)).as("appmesh_xds_denied_total{reason=%s}", reason).isEqualTo(before + 1);
    }

    /** {@code appmesh_xds_denied_total} for one reason, or all of them (null). */
    private double denied(String reason) {
        return registry.find("appmesh_xds_denied_total").counters().stream()
                .filter(c -> reason == null || reason.equals(c.getId().getTag("reason"))).mapToDouble(Counter::count)
                .sum();
    }

    private static String token(Pod pod, String audience, Instant expiry) {
        return TokenAuthority.podToken(pod.getMetadata().getNamespace(), "default", pod.getMetadata().getName(),
                pod.getMetadata().getUid(), audience, expiry);
    }

    private static final String MANIFESTS = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: back, namespace: chan}
            spec:
              podSelector: {matchLabels: {app: back}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: back.chan.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: back, namespace: chan}
            spec:
              awsName: back.chan.svc.cluster.local
              provider: {virtualNode: {virtualNodeRef: {name: back}}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: front, namespace: chan}
            spec:
              podSelector: {matchLabels: {app: front}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: front.chan.svc.cluster.local}}
              backends: [{virtualService: {virtualServiceRef: {name: back}}}]
            """;
}
