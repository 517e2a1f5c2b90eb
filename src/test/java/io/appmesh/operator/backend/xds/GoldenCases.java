package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.model.NodeModels;

/** Translates one VirtualNode of a {@link XdsTranslatorTest} case from its {@code in-*.yaml} files. */
final class GoldenCases {

    private GoldenCases() {
    }

    static EnvoyResources translate(String caseName, String nodeName) throws IOException {
        XdsTranslatorTest.Cluster cluster = new XdsTranslatorTest.Cluster();
        try (Stream<Path> files = Files.list(XdsTranslatorTest.CASES.resolve(caseName))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("in-") && name.endsWith(".yaml")) {
                    cluster.read(file);
                }
            }
        }
        VirtualNode node = cluster.get(VirtualNode.class, null, nodeName)
                .orElseThrow(() -> new IllegalArgumentException(caseName + ": no VirtualNode " + nodeName));
        Mesh mesh = cluster.get(Mesh.class, null, node.getSpec().getMeshRef().getName()).orElseThrow();
        return XdsTranslator.translate(new NodeModels(cluster, cluster::endpoints).build(node, mesh));
    }
}
