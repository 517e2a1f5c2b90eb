package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualNode defaulting on CREATE: a user-set meshRef is refused, the mesh selecting the namespace is designated, and
 * awsName defaults to {@code <name>_<namespace>}.
 */
@ApplicationScoped
public class VirtualNodeDefaulter implements Defaulter<VirtualNode> {

    private final MeshMembership membership;

    public VirtualNodeDefaulter(MeshMembership membership) {
        this.membership = membership;
    }

    @Override
    public Class<VirtualNode> type() {
        return VirtualNode.class;
    }

    @Override
    public void mutateCreate(VirtualNode obj, AdmissionRequest request) {
        obj.getSpec().setMeshRef(MeshRefs.designate(membership, obj, obj.getSpec().getMeshRef(), request));
        if (MeshRefs.isNullOrEmpty(obj.getSpec().getAwsName())) {
            obj.getSpec().setAwsName(MeshRefs.underscored(obj, request));
        }
    }
}
