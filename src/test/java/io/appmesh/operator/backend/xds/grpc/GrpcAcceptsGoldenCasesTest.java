package io.appmesh.operator.backend.xds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.appmesh.operator.backend.xds.EnvoyResources;
import io.appmesh.operator.backend.xds.GoldenCases;
import io.appmesh.operator.backend.xds.XdsTranslator;
import io.appmesh.operator.mesh.model.NodeModel;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.grpc.ManagedChannel;

/**
 * grpc-xds accepts every proxyless output of the golden cases ({@code XdsTranslatorTest/*}): for each node, a channel
 * per listener subscribes through LDS (inline routes), CDS and EDS until the client has ACKed the served version of
 * each type, and no response may be NACKed. This covers what the routing tests do not use: every route matcher of
 * route-matches, outlier detection, health checks, HTTP/2 options, DNS clusters, zero weights. Nothing is called (the
 * golden pods' addresses are not local); a channel is merely asked to connect, which starts its resolution.
 */
class GrpcAcceptsGoldenCasesTest {

    private static final String LDS = "type.googleapis.com/envoy.config.listener.v3.Listener";
    private static final String CDS = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    private static final String EDS = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";

    private static AdsTestServer ads;

    @BeforeAll
    static void start() throws IOException {
        ads = AdsTestServer.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        ads.close();
    }

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(GoldenCases.CASES)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> accept(dir)));
    }

    private void accept(Path dir) throws Exception {
        for (Map.Entry<String, NodeModel> node : GoldenCases.models(dir).entrySet()) {
            EnvoyResources resources = XdsTranslator.proxyless(node.getValue());
            if (resources.listeners().isEmpty()) {
                continue;
            }
            // a group per case and node: the golden cases reuse mesh and node names
            String group = dir.getFileName() + "/" + XdsClients.nodeId(node.getValue().mesh(), node.getValue().node());
            ads.setSnapshot(group, resources);
            List<ManagedChannel> channels = new ArrayList<>();
            try {
                for (Listener listener : resources.listeners()) {
                    ManagedChannel channel = XdsClients.channel(ads, group, listener.getName());
                    channels.add(channel);
                    channel.getState(true);
                }
                boolean eds = resources.clusters().stream().anyMatch(c -> c.getType() == Cluster.DiscoveryType.EDS);
                await().atMost(Duration.ofSeconds(10)).failFast("a NACK", () -> assertThat(nacks(group)).isEmpty())
                        .untilAsserted(() -> {
                            assertThat(ads.acked(group, LDS)).as("LDS").isEqualTo(AdsTestServer.version(resources.listeners()));
                            assertThat(ads.acked(group, CDS)).as("CDS").isEqualTo(AdsTestServer.version(resources.clusters()));
                            if (eds) {
                                assertThat(ads.acked(group, EDS)).as("EDS")
                                        .isEqualTo(AdsTestServer.version(resources.endpoints()));
                            }
                        });
            } finally {
                for (ManagedChannel channel : channels) {
                    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            }
            assertThat(nacks(group)).as("%s/%s NACKs", dir.getFileName(), node.getKey()).isEmpty();
        }
    }

    /** What the clients of a group refused, and why. */
    private static List<String> nacks(String group) {
        return ads.nacks().stream().filter(r -> r.getNode().getCluster().equals(group))
                .map(r -> r.getTypeUrl() + ": " + r.getErrorDetail().getMessage()).toList();
    }
}
