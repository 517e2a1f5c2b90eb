package io.appmesh.operator.mesh;

import java.util.List;
import java.util.Map;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An object whose references have all been resolved and gated, with everything a backend needs to realise it, so that
 * a backend never reads the cluster itself: the mesh object, and the objects it refers to as read during resolution
 * (a VirtualNode's backend VirtualServices, a VirtualService's provider, a VirtualRouter's target VirtualNodes, a
 * GatewayRoute's VirtualGateway and target VirtualServices) — their listeners, routes and names included.
 *
 * @param resource the object as read
 * @param mesh the mesh it belongs to
 * @param references every referenced object by {@code <Kind>/<namespace>/<name>} (see {@link #key})
 * @param groupBackends the VirtualServices a VirtualNode reaches through its backend groups only, in a stable order
 */
public record Resolved<R extends HasMetadata>(R resource, Mesh mesh, Map<String, HasMetadata> references,
        List<VirtualService> groupBackends) {

    public static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    public static String key(HasMetadata object) {
        return key(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** The mesh's name and owner, as backends address it. */
    public MeshScope scope() {
        return new MeshScope(mesh.getSpec().getAwsName(), mesh.getSpec().getMeshOwner());
    }

    /** A referenced object; the namespace defaults to the referring object's own. */
    public <T extends HasMetadata> T reference(Class<T> type, String namespace, String name) {
        String ns = References.namespaceOf(namespace, resource);
        HasMetadata found = references.get(key(HasMetadata.getKind(type), ns, name));
        if (!type.isInstance(found)) {
            // Resolution puts every reference in the map before a backend is called; a miss is a bug, not bad input.
            throw new IllegalStateException("unresolved reference " + key(HasMetadata.getKind(type), ns, name));
        }
        return type.cast(found);
    }

    /** The AWS name of a referenced object of the given kind; the namespace defaults to the referring object's own. */
    public String awsNameOf(String kind, String namespace, String name) {
        return awsName(reference(KINDS.get(kind), namespace, name));
    }

    /** The AWS names of {@link #groupBackends}. */
    public List<String> groupBackendNames() {
        return groupBackends.stream().map(service -> service.getSpec().getAwsName()).toList();
    }

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("VirtualNode", VirtualNode.class,
            "VirtualService", VirtualService.class, "VirtualRouter", VirtualRouter.class, "VirtualGateway",
            VirtualGateway.class, "GatewayRoute", GatewayRoute.class, "Mesh", Mesh.class);

    /** The {@code spec.awsName} of an App Mesh object. */
    public static String awsName(HasMetadata object) {
        if (object instanceof VirtualNode n) {
            return n.getSpec().getAwsName();
        } else if (object instanceof VirtualService s) {
            return s.getSpec().getAwsName();
        } else if (object instanceof VirtualRouter r) {
            return r.getSpec().getAwsName();
        } else if (object instanceof VirtualGateway g) {
            return g.getSpec().getAwsName();
        } else if (object instanceof GatewayRoute r) {
            return r.getSpec().getAwsName();
        } else if (object instanceof Mesh m) {
            return m.getSpec().getAwsName();
        }
        throw new IllegalArgumentException("not an App Mesh object: " + object.getKind());
    }
}
