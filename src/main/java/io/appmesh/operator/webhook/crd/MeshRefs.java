package io.appmesh.operator.webhook.crd;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The create-time steps every namespaced kind shares: refuse a user-set meshRef, then designate the mesh. */
final class MeshRefs {

    private MeshRefs() {
    }

    /**
     * @param current the object's spec.meshRef as sent
     * @return the reference to the one mesh selecting the request's namespace
     */
    static MeshReference designate(MeshMembership membership, HasMetadata obj, MeshReference current,
            AdmissionRequest request) {
        rejectUserSet(obj, current, "spec.meshRef");
        Mesh mesh = membership.designate(namespaceOf(obj, request));
        MeshReference ref = new MeshReference();
        ref.setName(mesh.getMetadata().getName());
        ref.setUid(mesh.getMetadata().getUid());
        return ref;
    }

    /** Refuses a system-populated reference the user set on CREATE. */
    static void rejectUserSet(HasMetadata obj, Object value, String field) {
        if (value != null) {
            throw new AdmissionDenied(obj.getKind() + " create may not specify read-only field: " + field);
        }
    }

    /** The object's namespace; generated objects may carry none yet, the request always does. */
    static String namespaceOf(HasMetadata obj, AdmissionRequest request) {
        String ns = obj.getMetadata() == null ? null : obj.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? request.namespace() : ns;
    }

    /** {@code <name>_<namespace>}, upstream's awsName default for most namespaced kinds. */
    static String underscored(HasMetadata obj, AdmissionRequest request) {
        return obj.getMetadata().getName() + "_" + namespaceOf(obj, request);
    }

    static boolean isNullOrEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
