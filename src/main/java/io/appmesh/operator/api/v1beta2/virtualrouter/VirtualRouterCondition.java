package io.appmesh.operator.api.v1beta2.virtualrouter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a VirtualRouter's status; the operator writes type {@code VirtualRouterActive}. */
public class VirtualRouterCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of VirtualRouter condition.")
    public String getType() {
        return super.getType();
    }
}
