package io.appmesh.operator.api.v1beta2.virtualservice;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a VirtualService's status; the operator writes type {@code VirtualServiceActive}. */
public class VirtualServiceCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of VirtualService condition.")
    public String getType() {
        return super.getType();
    }
}
