package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * BackendGroup defaulting on CREATE: a user-set meshRef is refused, the mesh selecting the namespace is designated. A BackendGroup has no AWS object, hence no awsName.
 */
@ApplicationScoped
public class BackendGroupDefaulter implements Defaulter<BackendGroup> {

    private final MeshMembership membership;

    public BackendGroupDefaulter(MeshMembership membership) {
        this.membership = membership;
    }

    @Override
    public Class<BackendGroup> type() {
        return BackendGroup.class;
    }

    @Override
    public void mutateCreate(BackendGroup obj, AdmissionRequest request) {
        obj.getSpec().setMeshRef(MeshRefs.designate(membership, obj, obj.getSpec().getMeshRef(), request));
    }
}
