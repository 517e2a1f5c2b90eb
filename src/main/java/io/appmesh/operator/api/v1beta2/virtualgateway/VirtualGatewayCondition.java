package io.appmesh.operator.api.v1beta2.virtualgateway;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a VirtualGateway's status; the operator writes type {@code VirtualGatewayActive}. */
public class VirtualGatewayCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of VirtualGateway condition.")
    public String getType() {
        return super.getType();
    }
}
