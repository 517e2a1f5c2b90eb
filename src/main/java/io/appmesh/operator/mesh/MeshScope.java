package io.appmesh.operator.mesh;

/**
 * Which App Mesh mesh an object lives in: the mesh's AWS name and, for a mesh shared from another account, its owner
 * (else null).
 */
public record MeshScope(String meshName, String meshOwner) {
}
