package io.appmesh.operator.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Finds the objects that still belong to a Mesh or a VirtualGateway, which keep it from being deleted (upstream's
 * members finalizers). Membership is by reference: meshRef {name, uid}, virtualGatewayRef {namespace, name, uid}; a
 * Mesh re-created under the same name has a new UID and no members.
 */
@ApplicationScoped
public class Members {

    private final KubernetesClient client;

    public Members(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @return upstream's description of the members still in {@code mesh}, e.g.
     *         {@code virtualService: 2, virtualNode: 3}, or an empty string when there are none. BackendGroups do not
     *         count, as upstream.
     */
    public String ofMesh(Mesh mesh) {
        MeshReference ref = new MeshReference();
        ref.setName(mesh.getMetadata().getName());
        ref.setUid(mesh.getMetadata().getUid());
        List<String> counts = new ArrayList<>();
        count(counts, "virtualService", VirtualService.class, vs -> vs.getSpec().getMeshRef(), ref);
        count(counts, "virtualRouter", VirtualRouter.class, vr -> vr.getSpec().getMeshRef(), ref);
        count(counts, "virtualNode", VirtualNode.class, vn -> vn.getSpec().getMeshRef(), ref);
        count(counts, "virtualGateway", VirtualGateway.class, vg -> vg.getSpec().getMeshRef(), ref);
        count(counts, "gatewayRoute", GatewayRoute.class, gr -> gr.getSpec().getMeshRef(), ref);
        return String.join(", ", counts);
    }

    /** @return {@code gatewayRoute: <n>} for the GatewayRoutes attached to {@code gateway}, or an empty string. */
    public String ofVirtualGateway(VirtualGateway gateway) {
        VirtualGatewayReference ref = new VirtualGatewayReference();
        ref.setNamespace(gateway.getMetadata().getNamespace());
        ref.setName(gateway.getMetadata().getName());
        ref.setUid(gateway.getMetadata().getUid());
        List<String> counts = new ArrayList<>();
        count(counts, "gatewayRoute", GatewayRoute.class, gr -> gr.getSpec().getVirtualGatewayRef(), ref);
        return String.join(", ", counts);
    }

    private <T extends HasMetadata> void count(List<String> counts, String label, Class<T> type,
            Function<T, Object> reference, Object wanted) {
        long n = client.resources(type).inAnyNamespace().list().getItems().stream()
                .filter(o -> Objects.equals(referenceOf(o, reference), wanted)).count();
        if (n > 0) {
            counts.add(label + ": " + n);
        }
    }

    private static <T> Object referenceOf(T object, Function<T, Object> reference) {
        try {
            return reference.apply(object);
        } catch (NullPointerException noSpec) {
            return null;
        }
    }
}
