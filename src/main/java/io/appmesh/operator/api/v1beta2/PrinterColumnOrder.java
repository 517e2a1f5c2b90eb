package io.appmesh.operator.api.v1beta2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

/**
 * Puts the printer columns of the generated CRDs in the order their {@link AdditionalPrinterColumn} annotations are
 * declared, which is upstream's ({@code kubectl get virtualnodes}: NAME ARN AGE). The fabric8 generator (7.4) orders
 * them by JSON path, which puts {@code .metadata.creationTimestamp} (AGE) before {@code .status.…ARN}; it has no order
 * attribute, and {@code priority} only moves a column to {@code -o wide}. Run by the SDK at build time
 * ({@code quarkus.operator-sdk.crd.post-processor}), so target/kubernetes and the OLM bundle get the same CRDs.
 */
public class PrinterColumnOrder implements CRDPostProcessor {

    private static final Map<String, Class<?>> KINDS = Map.of("Mesh", Mesh.class, "VirtualNode", VirtualNode.class,
            "VirtualService", VirtualService.class, "VirtualRouter", VirtualRouter.class, "VirtualGateway",
            VirtualGateway.class, "GatewayRoute", GatewayRoute.class, "BackendGroup", BackendGroup.class);

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            Class<?> type = KINDS.get(definition.getSpec().getNames().getKind());
            if (type != null) {
                List<String> declared = Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name).toList();
                for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
                    version.setAdditionalPrinterColumns(inOrder(version.getAdditionalPrinterColumns(), declared));
                }
            }
        }
        return crd;
    }

    /** The columns by their position in {@code declared}; a column not declared there keeps its place after them. */
    static List<CustomResourceColumnDefinition> inOrder(List<CustomResourceColumnDefinition> columns,
            List<String> declared) {
        if (columns == null) {
            return null;
        }
        List<CustomResourceColumnDefinition> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt(c -> {
            int i = declared.indexOf(c.getName());
            return i < 0 ? declared.size() : i;
        }));
        return sorted;
    }
}
