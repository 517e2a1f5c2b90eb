package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.NodePods;
import io.appmesh.operator.mesh.PodEndpoints;
import io.appmesh.operator.mesh.model.GatewayModel;
import io.appmesh.operator.mesh.model.GatewayModels;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;
import io.appmesh.operator.testing.CaseFolders;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Golden-file translation cases: each folder under {@code XdsTranslatorTest/} holds {@code in-*.yaml} (Meshes,
 * VirtualNodes, VirtualServices, VirtualRouters, BackendGroups and Pods as users write them, with the meshRef and
 * awsName the webhooks default) and, for every VirtualNode, {@code out-<node>.yaml}: the Envoy resources its proxy
 * gets (listeners, routes, clusters, endpoints; protobuf JSON mapping). A VirtualNode with at least one HTTP, HTTP/2
 * or gRPC backend also has {@code out-<node>.proxyless.yaml}: what a proxyless gRPC client of that node gets
 * ({@link XdsTranslator#proxyless}); every case has them, so the rule needs no opt-in. Every VirtualGateway (its
 * GatewayRoutes in the in-files too, attached by the virtualGatewayRef the webhook defaults) has
 * {@code out-<gateway>.gateway.yaml}: what its Envoy gets ({@link GatewayTranslator}). Every resource of both must
 * also pass Envoy's validation rules ({@link PgvChecker}) and the cross-resource checks Envoy makes
 * ({@link ReferenceChecker}). Other files, and outputs no node produces, fail the case.
 * {@code -Dxds.golden.update=true} rewrites the outputs (and deletes stale ones) for review.
 */
class XdsTranslatorTest {

    static final Path CASES = Path.of("src/test/resources/XdsTranslatorTest");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean UPDATE = Boolean.getBoolean("xds.golden.update");
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(EnvoyTypes.REGISTRY);
    private static final PgvChecker CHECKER = new PgvChecker(EnvoyTypes.REGISTRY);

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return CaseFolders.each(CASES, this::run);
    }

    private void run(Path dir) throws IOException {
        Cluster cluster = new Cluster();
        Set<String> outputs = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("in-") && name.endsWith(".yaml")) {
                    cluster.read(file);
                } else if (name.startsWith("out-") && name.endsWith(".yaml")) {
                    outputs.add(name);
                } else {
                    throw new AssertionError(dir + ": unexpected file " + name);
                }
            }
        }
        NodeModels models = new NodeModels(cluster, cluster::endpoints);
        List<String> failures = new ArrayList<>();
        for (VirtualNode node : cluster.all(VirtualNode.class)) {
            Mesh mesh = cluster.get(Mesh.class, null, node.getSpec().getMeshRef().getName()).orElseThrow();
            NodeModel model = models.build(node, mesh);
            String name = node.getMetadata().getName();
            compare(dir, "out-" + name + ".yaml", XdsTranslator.translate(model), outputs, failures);
            EnvoyResources proxyless = XdsTranslator.proxyless(model);
            if (!proxyless.listeners().isEmpty()) {
                compare(dir, "out-" + name + ".proxyless.yaml", proxyless, outputs, failures);
            }
        }
        GatewayModels gateways = new GatewayModels(cluster, cluster::endpoints);
        for (VirtualGateway gateway : cluster.all(VirtualGateway.class)) {
            Mesh mesh = cluster.get(Mesh.class, null, gateway.getSpec().getMeshRef().getName()).orElseThrow();
            GatewayModel model = gateways.build(gateway, mesh, cluster.all(GatewayRoute.class));
            compare(dir, "out-" + gateway.getMetadata().getName() + ".gateway.yaml", GatewayTranslator.translate(model),
                    outputs, failures);
        }
        for (String stale : outputs) {
            if (UPDATE) {
                Files.delete(dir.resolve(stale));
            } else {
                failures.add(stale + " is produced by no VirtualNode (stale)");
            }
        }
        assertThat(failures).as(dir.getFileName().toString()).isEmpty();
    }

    private void compare(Path dir, String out, EnvoyResources resources, Set<String> outputs, List<String> failures)
            throws IOException {
        outputs.remove(out);
        ReferenceChecker.violations(resources).forEach(v -> failures.add(out + ": " + v));
        for (Message resource : all(resources)) {
            CHECKER.violations(resource).forEach(v -> failures.add(out + ": " + v));
        }
        String actual = render(resources);
        Path file = dir.resolve(out);
        if (UPDATE) {
            Files.writeString(file, actual);
        } else if (!Files.exists(file)) {
            failures.add(out + " is missing (run with -Dxds.golden.update=true)");
        } else if (!actual.equals(Files.readString(file))) {
            assertThat(actual).as("%s/%s", dir.getFileName(), out).isEqualTo(Files.readString(file));
        }
    }

    static List<Message> all(EnvoyResources r) {
        List<Message> all = new ArrayList<>();
        all.addAll(r.listeners());
        all.addAll(r.routes());
        all.addAll(r.clusters());
        all.addAll(r.endpoints());
        return all;
    }

    static String render(EnvoyResources r) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("listeners", array(r.listeners()));
        root.set("routes", array(r.routes()));
        root.set("clusters", array(r.clusters()));
        root.set("endpoints", array(r.endpoints()));
        return YamlDocuments.YAML.writeValueAsString(root);
    }

    private static ArrayNode array(List<? extends Message> messages) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (Message m : messages) {
            try {
                array.add(JSON.readTree(PRINTER.print(m)));
            } catch (InvalidProtocolBufferException e) {
                throw new IOException(e);
            }
        }
        return array;
    }

    /** The objects of a case, as the reconcilers' caches would hold them. */
    static final class Cluster implements Lookup {

        private final List<HasMetadata> objects = new ArrayList<>();
        private final List<Pod> pods = new ArrayList<>();
        private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Mesh", Mesh.class,
                "VirtualNode", VirtualNode.class, "VirtualService", VirtualService.class, "VirtualRouter",
                VirtualRouter.class, "BackendGroup", BackendGroup.class, "VirtualGateway", VirtualGateway.class,
                "GatewayRoute", GatewayRoute.class);

        void read(Path file) throws IOException {
            for (JsonNode doc : YamlDocuments.read(file)) {
                String kind = doc.path("kind").asText();
                if ("Pod".equals(kind)) {
                    pods.add(SERIALIZATION.unmarshal(doc.toString(), Pod.class));
                } else if (KINDS.containsKey(kind)) {
                    objects.add(SERIALIZATION.unmarshal(doc.toString(), KINDS.get(kind)));
                } else {
                    throw new IllegalArgumentException(file + ": unexpected kind " + kind);
                }
            }
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
            return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())
                    && (namespace == null || namespace.equals(o.getMetadata().getNamespace()))).findFirst();
        }

        @Override
        public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
            return all(type).stream().filter(o -> namespace.equals(o.getMetadata().getNamespace())).toList();
        }

        List<Endpoint> endpoints(VirtualNode node) {
            List<Pod> selected = NodePods.select(node, all(VirtualNode.class),
                    namespace -> pods.stream().filter(p -> namespace.equals(p.getMetadata().getNamespace())).toList());
            return PodEndpoints.of(selected, n -> Map.of());
        }
    }
}
