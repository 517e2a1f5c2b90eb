package io.appmesh.operator.api.v1beta2.mesh;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a Mesh's status; the operator writes type {@code MeshActive}. */
public class MeshCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of mesh condition.")
    public String getType() {
        return super.getType();
    }
}
