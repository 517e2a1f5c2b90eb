package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualService defaulting on CREATE: a user-set meshRef is refused, the mesh selecting the namespace is designated. awsName defaults to {@code <name>.<namespace>}, the DNS name clients usually address.
 */
@ApplicationScoped
public class VirtualServiceDefaulter implements Defaulter<VirtualService> {

    private final MeshMembership membership;

    public VirtualServiceDefaulter(MeshMembership membership) {
        this.membership = membership;
    }

    @Override
    public Class<VirtualService> type() {
        return VirtualService.class;
    }

    @Override
    public void mutateCreate(VirtualService obj, AdmissionRequest request) {
        obj.getSpec().setMeshRef(MeshRefs.designate(membership, obj, obj.getSpec().getMeshRef(), request));
        if (MeshRefs.isNullOrEmpty(obj.getSpec().getAwsName())) {
            obj.getSpec().setAwsName(obj.getMetadata().getName() + "." + MeshRefs.namespaceOf(obj, request));
        }
    }
}
