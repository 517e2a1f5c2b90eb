package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.model.GatewayModels;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;

/**
 * Builds one VirtualNode's model from a folder of {@code in-*.yaml} files as {@link XdsTranslatorTest} reads them
 * (public: the grpc-xds tests in a sub-package build theirs the same way).
 */
public final class GoldenCases {

    private GoldenCases() {
    }

    /** The golden case folders of {@link XdsTranslatorTest}. */
    public static final Path CASES = XdsTranslatorTest.CASES;

    /** The model of every VirtualNode of a folder, by name. */
    public static Map<String, NodeModel> models(Path dir) throws IOException {
        XdsTranslatorTest.Cluster cluster = read(dir);
        NodeModels models = new NodeModels(cluster, cluster::endpoints);
        Map<String, NodeModel> out = new TreeMap<>();
        for (VirtualNode node : cluster.all(VirtualNode.class)) {
            Mesh mesh = cluster.get(Mesh.class, null, node.getSpec().getMeshRef().getName()).orElseThrow();
            out.put(node.getMetadata().getName(), models.build(node, mesh));
        }
        return out;
    }

    static EnvoyResources translate(String caseName, String nodeName) throws IOException {
        return XdsTranslator.translate(model(XdsTranslatorTest.CASES.resolve(caseName), nodeName, e -> true));
    }

    /** What a golden case's VirtualGateway's Envoy gets, with every GatewayRoute of the case offered to it. */
    static EnvoyResources gateway(String caseName, String gatewayName) throws IOException {
        XdsTranslatorTest.Cluster cluster = read(XdsTranslatorTest.CASES.resolve(caseName));
        VirtualGateway gateway = cluster.get(VirtualGateway.class, null, gatewayName)
                .orElseThrow(() -> new IllegalArgumentException(caseName + ": no VirtualGateway " + gatewayName));
        Mesh mesh = cluster.get(Mesh.class, null, gateway.getSpec().getMeshRef().getName()).orElseThrow();
        return GatewayTranslator.translate(new GatewayModels(cluster, cluster::endpoints).build(gateway, mesh,
                cluster.all(GatewayRoute.class)));
    }

    /**
     * @param dir a folder of {@code in-*.yaml} files (Meshes, VirtualNodes, VirtualServices, VirtualRouters,
     *        BackendGroups, Pods)
     * @param keep which pod endpoints the model keeps (a test drops one to model a pod going away)
     */
    public static NodeModel model(Path dir, String nodeName, Predicate<Endpoint> keep) throws IOException {
        return model(dir, nodeName, UnaryOperator.<Endpoint>identity(), keep);
    }

    /** As {@link #model(Path, String, Predicate)}, each kept endpoint changed first (a test moves pod IPs). */
    public static NodeModel model(Path dir, String nodeName, UnaryOperator<Endpoint> change, Predicate<Endpoint> keep)
            throws IOException {
        XdsTranslatorTest.Cluster cluster = read(dir);
        VirtualNode node = cluster.get(VirtualNode.class, null, nodeName)
                .orElseThrow(() -> new IllegalArgumentException(dir + ": no VirtualNode " + nodeName));
        Mesh mesh = cluster.get(Mesh.class, null, node.getSpec().getMeshRef().getName()).orElseThrow();
        return new NodeModels(cluster, n -> cluster.endpoints(n).stream().map(change).filter(keep).toList()).build(node, mesh);
    }

    private static XdsTranslatorTest.Cluster read(Path dir) throws IOException {
        XdsTranslatorTest.Cluster cluster = new XdsTranslatorTest.Cluster();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("in-") && name.endsWith(".yaml")) {
                    cluster.read(file);
                }
            }
        }
        return cluster;
    }
}
