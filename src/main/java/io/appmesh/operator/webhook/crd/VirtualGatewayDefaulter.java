package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualGateway defaulting on CREATE: a user-set meshRef is refused, the mesh selecting the namespace is designated. awsName defaults to {@code <name>_<namespace>}.
 */
@ApplicationScoped
public class VirtualGatewayDefaulter implements Defaulter<VirtualGateway> {

    private final MeshMembership membership;

    public VirtualGatewayDefaulter(MeshMembership membership) {
        this.membership = membership;
    }

    @Override
    public Class<VirtualGateway> type() {
        return VirtualGateway.class;
    }

    @Override
    public void mutateCreate(VirtualGateway obj, AdmissionRequest request) {
        obj.getSpec().setMeshRef(MeshRefs.designate(membership, obj, obj.getSpec().getMeshRef(), request));
        if (MeshRefs.isNullOrEmpty(obj.getSpec().getAwsName())) {
            obj.getSpec().setAwsName(MeshRefs.underscored(obj, request));
        }
    }
}
