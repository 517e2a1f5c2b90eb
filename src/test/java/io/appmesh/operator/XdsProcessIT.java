package io.appmesh.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.AdsClient;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.sandbox.TokenAuthority;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.Status;

/**
 * The packaged operator (the JVM jar, or the native executable under {@code make test-native}) as the xDS control
 * plane: an ADS round trip for a virtual node of the sample mesh, then a restart — the new process serves the same
 * content under the same versions, so a proxy that reconnects with what it holds receives nothing newer, and a new
 * one gets those versions. No AWS endpoint is configured at all.
 */
class XdsProcessIT {

    private static final Duration CONVERGED = Duration.ofSeconds(90);
    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final Duration NOTHING = Duration.ofMillis(2500);
    private static final String SERVICE_A = "mesh/demo/virtualNode/service-a_appmesh-demo";

    private LocalKubeApi api;
    private LocalOperator operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anOperatorWhoseAdsPortIsTakenExitsWithStatus1() throws Exception {
        api = LocalKubeApi.start();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            operator = LocalOperator.launch(api,
                    List.of("-Dappmesh.backend=xds", "-Dappmesh.xds.port=" + taken.getLocalPort(),
                            "-Dappmesh.xds.bind-address=127.0.0.1", "-Xmx256m"),
                    Map.of(), Path.of("target/xds-operator-port-taken.log"));
            assertThat(operator.process().waitFor(90, TimeUnit.SECONDS)).as("the operator exits").isTrue();
            assertThat(operator.process().exitValue()).isEqualTo(1);
        }
        assertThat(Files.readString(Path.of("target/xds-operator-port-taken.log")))
                .contains("xDS: the control plane did not start");
    }

    @Test
    void servesAdsAndARestartedOperatorOffersTheSameVersions() throws Exception {
        api = LocalKubeApi.start();
        int port = LocalOperator.freePort();
        List<String> options = List.of("-Dappmesh.backend=xds", "-Dappmesh.xds.port=" + port,
                "-Dappmesh.xds.bind-address=127.0.0.1", "-Xmx256m");
        operator = LocalOperator.start(api, options, Map.of(), Path.of("target/xds-operator.log"));
        KubernetesClient client = api.client();
        Manifests manifests = new Manifests(client, operator.webhooks());
        for (String file : List.of("00-namespace.yaml", "01-mesh.yaml", "02-service-chain.yaml")) {
            manifests.applyFile("docs/examples/" + file);
        }
        Fixtures.runReadyPod(client, "appmesh-demo", "service-b-1", "service-b", "10.2.0.7", false);
        // The proxy is service-a-1's Envoy: the packaged operator serves ADS over TLS (the build's certificate, given
        // by LocalOperator) to pods that present their projected token (TokenReview answered by the test API server).
        Pod serviceA = Fixtures.runReadyPod(client, "appmesh-demo", "service-a-1", "service-a", "10.2.0.6", false);
        String token = TokenAuthority.podToken("appmesh-demo", "default", "service-a-1",
                serviceA.getMetadata().getUid(), "appmesh-xds", Instant.now().plusSeconds(3600));
        for (String node : List.of("service-a", "service-b", "service-c")) {
            manifests.awaitActive(VirtualNode.class, "appmesh-demo", node, CONVERGED);
        }

        Map<String, String> versions = new HashMap<>();
        List<String> eds;
        try (AdsClient proxy = AdsClient.secure(port, token, SERVICE_A)) {
            proxy.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse cds = await().atMost(CONVERGED).until(() -> proxy.next(ANSWER),
                    r -> r != null && AdsClient.resources(r, Cluster.class).stream()
                            .anyMatch(c -> c.getName().equals("cds_egress_demo_service-b_appmesh-demo_http_8080")));
            proxy.ack(cds, List.of());
            eds = AdsClient.resources(cds, Cluster.class).stream().filter(c -> c.getType() == Cluster.DiscoveryType.EDS)
                    .map(Cluster::getName).sorted().toList();
            proxy.subscribe(AdsClient.EDS, eds, "");
            DiscoveryResponse endpoints = await().atMost(CONVERGED).until(() -> proxy.next(ANSWER),
                    r -> r != null && r.getTypeUrl().equals(AdsClient.EDS) && r.toString().contains("10.2.0.7"));
            assertThat(AdsClient.resources(endpoints, ClusterLoadAssignment.class)).hasSize(1);
            proxy.ack(endpoints, eds);
            proxy.subscribe(AdsClient.LDS, List.of(), "");
            DiscoveryResponse lds = proxy.next(ANSWER);
            assertThat(AdsClient.resources(lds, Listener.class).stream().map(Listener::getName))
                    .containsExactly("lds_egress_0.0.0.0_15001", "lds_ingress_0.0.0.0_15000");
            proxy.ack(lds, List.of());
            for (DiscoveryResponse r : List.of(cds, endpoints, lds)) {
                versions.put(r.getTypeUrl(), r.getVersionInfo());
            }
        }

        // Another pod's token does not open service-a's configuration, and a plaintext client gets nothing.
        Pod serviceB = client.pods().inNamespace("appmesh-demo").withName("service-b-1").get();
        String otherToken = TokenAuthority.podToken("appmesh-demo", "default", "service-b-1",
                serviceB.getMetadata().getUid(), "appmesh-xds", Instant.now().plusSeconds(3600));
        try (AdsClient intruder = AdsClient.secure(port, otherToken, SERVICE_A)) {
            intruder.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(intruder.refusedWith(ANSWER)).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        try (AdsClient plaintext = new AdsClient(port, SERVICE_A)) {
            plaintext.subscribe(AdsClient.CDS, List.of(), "");
            assertThat(plaintext.refusedWith(ANSWER)).isEqualTo(Status.Code.UNAVAILABLE);
        }
        assertThat(operator.samples("appmesh_xds_denied_total").stream()
                .filter(s -> "not-selected".equals(s.labels().get("reason"))).mapToDouble(LocalOperator.Sample::value)
                .sum()).isEqualTo(1.0);

        operator.close();
        operator = LocalOperator.start(api, options, Map.of(), Path.of("target/xds-operator-restarted.log"));
        try (AdsClient reconnected = AdsClient.secure(port, token, SERVICE_A)) {
            reconnected.subscribe(AdsClient.CDS, List.of(), versions.get(AdsClient.CDS));
            reconnected.subscribe(AdsClient.EDS, eds, versions.get(AdsClient.EDS));
            reconnected.subscribe(AdsClient.LDS, List.of(), versions.get(AdsClient.LDS));
            // java-control-plane may answer a new stream's first requests again; an answer with the version the proxy
            // holds changes nothing in Envoy (no drain, no rebuild). Nothing newer may come.
            for (DiscoveryResponse r = reconnected.next(NOTHING); r != null; r = reconnected.next(NOTHING)) {
                assertThat(r.getVersionInfo()).as("%s after the restart", r.getTypeUrl())
                        .isEqualTo(versions.get(r.getTypeUrl()));
            }
        }
        try (AdsClient fresh = AdsClient.secure(port, token, SERVICE_A)) {
            fresh.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse cds = fresh.next(ANSWER);
            assertThat(cds.getVersionInfo()).isEqualTo(versions.get(AdsClient.CDS));
            fresh.ack(cds, List.of());
            fresh.subscribe(AdsClient.LDS, List.of(), "");
            assertThat(fresh.next(ANSWER).getVersionInfo()).isEqualTo(versions.get(AdsClient.LDS));
        }
    }
}
