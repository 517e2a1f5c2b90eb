package io.appmesh.operator.api.v1beta2.gatewayroute;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;

/** A condition of a GatewayRoute's status; the operator writes type {@code GatewayRouteActive}. */
public class GatewayRouteCondition extends AppMeshCondition {

    @Override
    @JsonPropertyDescription("Type of GatewayRoute condition.")
    public String getType() {
        return super.getType();
    }
}
