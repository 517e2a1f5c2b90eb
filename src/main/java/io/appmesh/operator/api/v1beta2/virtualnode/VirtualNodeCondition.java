package io.appmesh.operator.api.v1beta2.virtualnode;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a VirtualNode's status; the operator writes type {@code VirtualNodeActive}. */
public class VirtualNodeCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of VirtualNode condition.")
    public String getType() {
        return super.getType();
    }
}
