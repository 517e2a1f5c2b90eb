package io.appmesh.operator.webhook.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.testing.CaseFolders;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Golden-file injection cases, decision and mutations together, without a server. Each folder under
 * {@code SidecarInjectorTest/} holds {@code in-pod.yaml}, optionally {@code in-cluster.yaml} (the Namespace, Meshes,
 * VirtualNodes and VirtualGateways; else the shared {@code cluster.yaml}) and {@code in-config.properties} (operator
 * settings), and the expectation: {@code out-pod.yaml} (the pod as admitted, also when nothing changes) or
 * {@code out-denial.txt} (the refusal's message). Unknown files fail the case. {@code -Dgolden.update=true} rewrites
 * the expectations from the current behaviour, for review.
 */
class SidecarInjectorTest {

    static final Path CASES = Path.of("src/test/resources/SidecarInjectorTest");
    private static final Set<String> FILES = Set.of("in-pod.yaml", "in-cluster.yaml", "in-config.properties",
            "out-pod.yaml", "out-denial.txt");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return CaseFolders.each(CASES, this::run);
    }

    private void run(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("files of %s", dir).allMatch(FILES::contains);
        }
        Path out = dir.resolve("out-pod.yaml");
        Path denial = dir.resolve("out-denial.txt");
        assertThat(UPDATE || Files.exists(out) ^ Files.exists(denial)).as("%s: exactly one expectation", dir).isTrue();

        Pod pod = SERIALIZATION.unmarshal(Files.readString(dir.resolve("in-pod.yaml")), Pod.class);
        Cluster cluster = Cluster.read(Files.exists(dir.resolve("in-cluster.yaml"))
                ? dir.resolve("in-cluster.yaml")
                : CASES.resolve("cluster.yaml"));
        OperatorConfig config = config(dir.resolve("in-config.properties"));
        String result;
        boolean denied = false;
        try {
            inject(pod, cluster, config);
            result = SERIALIZATION.asYaml(pod);
        } catch (AdmissionDenied e) {
            result = e.getMessage() + "\n";
            denied = true;
        }
        if (UPDATE) {
            Files.deleteIfExists(out);
            Files.deleteIfExists(denial);
            Files.writeString(denied ? denial : out, result);
            return;
        }
        if (denied) {
            assertThat(Files.exists(denial)).as("%s was refused: %s", dir, result).isTrue();
            assertThat(result).isEqualTo(Files.readString(denial));
        } else {
            if (!Files.exists(out)) {
                fail("%s was admitted, expected a refusal: %s", dir, Files.readString(denial));
            }
            JsonNode expected = YamlDocuments.parse(Files.readString(out)).get(0);
            JsonNode actual = YamlDocuments.parse(result).get(0);
            assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString());
        }
    }

    /** What PodAdmissionEndpoint does after reading the cluster. */
    static void inject(Pod pod, Cluster cluster, OperatorConfig config) {
        String namespace = cluster.namespace.getMetadata().getName();
        var outcome = InjectionDecision.evaluate(namespace, cluster.namespace.getMetadata().getLabels(), pod, cluster.nodes,
                cluster.gateways);
        VirtualNode node = outcome instanceof InjectionDecision.InjectNode n ? n.node() : null;
        VirtualGateway gateway = outcome instanceof InjectionDecision.InjectGateway g ? g.gateway() : null;
        if (node == null && gateway == null) {
            return;
        }
        var meshRef = node != null ? node.getSpec().getMeshRef() : gateway.getSpec().getMeshRef();
        Mesh mesh = cluster.meshes.get(meshRef.getName());
        if (mesh == null || !mesh.getMetadata().getUid().equals(meshRef.getUid())) {
            throw new AdmissionDenied("failed to resolve meshRef: mesh UID mismatch: " + meshRef.getName());
        }
        InjectionEnvironment.checkTracers(config.injection());
        InjectionEnvironment.checkXdsInjection(config);
        SidecarInjector.inject(pod, new InjectionContext(node, gateway, mesh, config.injection(),
                config.awsRegion().orElse(""), config.awsAccountId().orElse(""), "v1.31.2-eks-7f9249a", "0.1.0",
                "xds".equals(config.backend()) ? config.xds() : null));
    }

    /** Upstream's defaults plus the case's settings; region and account are those of the test cluster. */
    static OperatorConfig config(Path properties) throws IOException {
        return OperatorConfigs.fromFile(properties);
    }

    record Cluster(Namespace namespace, Map<String, Mesh> meshes, List<VirtualNode> nodes, List<VirtualGateway> gateways) {

        static Cluster read(Path file) throws IOException {
            Namespace namespace = null;
            Map<String, Mesh> meshes = new HashMap<>();
            List<VirtualNode> nodes = new ArrayList<>();
            List<VirtualGateway> gateways = new ArrayList<>();
            for (JsonNode doc : YamlDocuments.read(file)) {
                String yaml = doc.toString();
                switch (doc.path("kind").asText()) {
                    case "Namespace" -> namespace = SERIALIZATION.unmarshal(yaml, Namespace.class);
                    case "Mesh" -> {
                        Mesh mesh = SERIALIZATION.unmarshal(yaml, Mesh.class);
                        meshes.put(mesh.getMetadata().getName(), mesh);
                    }
                    case "VirtualNode" -> nodes.add(SERIALIZATION.unmarshal(yaml, VirtualNode.class));
                    case "VirtualGateway" -> gateways.add(SERIALIZATION.unmarshal(yaml, VirtualGateway.class));
                    default -> throw new IllegalArgumentException("unexpected kind in " + file + ": " + doc.path("kind"));
                }
            }
            return new Cluster(namespace, meshes, nodes, gateways);
        }
    }
}
