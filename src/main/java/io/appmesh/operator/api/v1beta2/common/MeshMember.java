package io.appmesh.operator.api.v1beta2.common;

/**
 * The spec of a namespaced kind that belongs to a Mesh through the system-populated {@code spec.meshRef}. Not an
 * upstream type: it lets the webhooks and reconcilers treat the six kinds alike.
 */
public interface MeshMember {

    MeshReference getMeshRef();

    void setMeshRef(MeshReference meshRef);
}
