package io.appmesh.operator.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.AdsClient;
import io.appmesh.operator.backend.xds.EnvoyBootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;

/**
 * {@code make run} in xDS mode: the sample mesh's injected pod connects as its Envoy would, using only what the
 * injector wired into it — the ADS target and the CA of the {@code appmesh-xds} ConfigMap it mounts, its projected
 * token's audience and lifetime, the node id of {@code APPMESH_RESOURCE_ARN} — and receives its node's configuration;
 * the same token asking for another node is refused. The sandbox issues the token as the kubelet would (its API server
 * reviews it like a real one), and leaves it in {@code target/sandbox/} so that a hand-run Envoy can use it.
 */
final class XdsPodDemo {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Duration WAIT = Duration.ofSeconds(15);

    private XdsPodDemo() {
    }

    static void show(KubernetesClient client) throws Exception {
        Optional<Pod> injected = client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> envoy(p).isPresent() && tokenProjection(p).isPresent()).findFirst();
        if (injected.isEmpty()) {
            System.out.println("make run: no pod injected for the xDS backend");
            return;
        }
        Pod pod = injected.get();
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        String nodeId = envoy(pod).get().getEnv().stream().filter(e -> "APPMESH_RESOURCE_ARN".equals(e.getName()))
                .map(EnvVar::getValue).findFirst().orElseThrow();
        ServiceAccountTokenProjection projection = tokenProjection(pod).get();
        ConfigMap config = null;
        for (int attempt = 0; attempt < 30 && config == null; attempt++) {
            config = client.configMaps().inNamespace(namespace).withName(EnvoyBootstrap.CONFIG_MAP).get();
            if (config == null) {
                Thread.sleep(500);
            }
        }
        if (config == null) {
            System.out.println("make run: no ConfigMap " + namespace + "/" + EnvoyBootstrap.CONFIG_MAP + " yet");
            return;
        }
        String target = YAML.readTree(config.getData().get(EnvoyBootstrap.RESOURCES_KEY))
                .at("/dynamicResources/adsConfig/grpcServices/0/googleGrpc/targetUri").asText();
        String token = TokenAuthority.podToken(namespace, Optional.ofNullable(pod.getSpec().getServiceAccountName())
                .orElse("default"), name, pod.getMetadata().getUid(), projection.getAudience(),
                Instant.now().plusSeconds(projection.getExpirationSeconds()));
        Path tokenFile = Path.of("target/sandbox", name + ".token");
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, token);

        System.out.printf("make run: pod %s/%s as its Envoy: ADS %s, TLS trusting the ConfigMap's %s, token audience %s"
                + " (%s), node %s%n", namespace, name, target, EnvoyBootstrap.CA_KEY, projection.getAudience(), tokenFile,
                nodeId);
        byte[] ca = config.getData().get(EnvoyBootstrap.CA_KEY).getBytes(StandardCharsets.UTF_8);
        try (AdsClient envoy = new AdsClient(channel(target, ca, token), AdsClient.envoy(nodeId))) {
            envoy.subscribe(AdsClient.CDS, List.of(), "");
            DiscoveryResponse clusters = envoy.next(WAIT);
            envoy.subscribe(AdsClient.LDS, List.of(), "");
            DiscoveryResponse listeners = envoy.next(WAIT);
            System.out.println("    served    " + (clusters == null
                    ? "no clusters"
                    : AdsClient.resources(clusters,
                            Cluster.class).stream().map(Cluster::getName).toList()));
            System.out.println("    served    " + (listeners == null
                    ? "no listeners"
                    : AdsClient.resources(listeners,
                            Listener.class).stream().map(Listener::getName).toList()));
        }
        String other = client.resources(VirtualNode.class)
                .inNamespace(namespace).list().getItems().stream()
                .map(n -> nodeId.substring(0, nodeId.lastIndexOf('/') + 1) + n.getSpec().getAwsName())
                .filter(id -> !id.equals(nodeId)).findFirst().orElse(nodeId.substring(0, nodeId.lastIndexOf('/') + 1)
                        + "nobody");
        try (AdsClient intruder = new AdsClient(channel(target, ca, token), AdsClient.envoy(other))) {
            intruder.subscribe(AdsClient.CDS, List.of(), "");
            System.out.println("    refused   the same token asking for " + other + ": " + intruder.refusedWith(WAIT));
        } catch (AssertionError unexpected) {
            System.out.println("    NOT refused: the same token asking for " + other + ": " + unexpected.getMessage());
        }
    }

    private static ManagedChannel channel(String target, byte[] ca, String token) throws Exception {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return NettyChannelBuilder.forTarget(target)
                .sslContext(GrpcSslContexts.forClient().trustManager(new ByteArrayInputStream(ca)).build())
                .intercept(MetadataUtils.newAttachHeadersInterceptor(headers)).build();
    }

    private static Optional<Container> envoy(Pod pod) {
        return pod.getSpec().getContainers().stream().filter(c -> "envoy".equals(c.getName())).findFirst();
    }

    private static Optional<ServiceAccountTokenProjection> tokenProjection(Pod pod) {
        return pod.getSpec().getVolumes().stream().filter(v -> v.getProjected() != null)
                .flatMap(v -> v.getProjected().getSources().stream()).map(VolumeProjection::getServiceAccountToken)
                .filter(t -> t != null && t.getAudience() != null).findFirst();
    }
}
