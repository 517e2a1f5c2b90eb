package io.appmesh.operator.webhook.crd;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * CREATE defaulting shared by the namespaced kinds, in upstream's order: a user-set meshRef is refused, the mesh
 * selecting the namespace is designated, then (kinds with an App Mesh object) an empty awsName gets its default,
 * {@code <name>_<namespace>} unless a kind says otherwise. UPDATE changes nothing: an emptied awsName is caught by the
 * validator's immutability check.
 *
 * @param <S> the kind's spec
 * @param <T> the kind
 */
abstract class MeshMemberDefaulter<S extends MeshMember, T extends CustomResource<S, ?>> implements Defaulter<T> {

    private final Class<T> type;
    private final MeshMembership membership;

    MeshMemberDefaulter(Class<T> type, MeshMembership membership) {
        this.type = type;
        this.membership = membership;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public void mutateCreate(T obj, AdmissionRequest request) {
        obj.getSpec().setMeshRef(MeshRefs.designate(membership, obj, obj.getSpec().getMeshRef(), request));
        afterMeshDesignation(obj, request);
        if (obj.getSpec() instanceof AwsNamed named && MeshRefs.isNullOrEmpty(named.getAwsName())) {
            named.setAwsName(defaultAwsName(obj, request));
        }
    }

    /** A further designation step between the mesh and awsName (GatewayRoute: its virtual gateway). */
    void afterMeshDesignation(T obj, AdmissionRequest request) {
    }

    String defaultAwsName(T obj, AdmissionRequest request) {
        return MeshRefs.underscored(obj, request);
    }
}
