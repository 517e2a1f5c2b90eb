package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.List;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Which served VirtualNode or VirtualGateway a node group ({@link NodeGroups}) belongs to. A group is built from the
 * mesh's and the object's {@code awsName}, which are free on create: two objects in different namespaces could name
 * the same group. The backend refuses the second one ({@link XdsMeshBackend}), and whatever still shares a group (an
 * earlier process that did not check) is neither served nor readable: the authorizer and the snapshot builder treat a
 * group with more than one owner as nobody's.
 */
final class GroupOwners {

    private GroupOwners() {
    }

    /** The group of a served VirtualNode or VirtualGateway (without {@code grpc/}), or null when it has none yet. */
    static String groupOf(ServedMesh served, HasMetadata object) {
        if (object instanceof VirtualNode node) {
            String mesh = meshAwsName(served, node.getSpec().getMeshRef());
            return mesh == null || node.getSpec().getAwsName() == null
                    ? null
                    : NodeGroups.virtualNode(mesh, node.getSpec().getAwsName());
        }
        if (object instanceof VirtualGateway gateway) {
            String mesh = meshAwsName(served, gateway.getSpec().getMeshRef());
            return mesh == null || gateway.getSpec().getAwsName() == null
                    ? null
                    : NodeGroups.virtualGateway(mesh, gateway.getSpec().getAwsName());
        }
        return null;
    }

    /** Every served VirtualNode and VirtualGateway whose group is {@code group} (without {@code grpc/}). */
    static List<HasMetadata> owners(ServedMesh served, String group) {
        List<HasMetadata> owners = new ArrayList<>();
        for (VirtualNode node : served.all(VirtualNode.class)) {
            if (group.equals(groupOf(served, node))) {
                owners.add(node);
            }
        }
        for (VirtualGateway gateway : served.all(VirtualGateway.class)) {
            if (group.equals(groupOf(served, gateway))) {
                owners.add(gateway);
            }
        }
        return owners;
    }

    /** The same Kubernetes object (kind, namespace, name), whichever version. */
    static boolean same(HasMetadata a, HasMetadata b) {
        return a.getKind().equals(b.getKind())
                && java.util.Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
                && a.getMetadata().getName().equals(b.getMetadata().getName());
    }

    static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    private static String meshAwsName(ServedMesh served, MeshReference ref) {
        return ref == null || ref.getName() == null
                ? null
                : served.get(Mesh.class, null, ref.getName()).map(m -> m.getSpec().getAwsName()).orElse(null);
    }
}
