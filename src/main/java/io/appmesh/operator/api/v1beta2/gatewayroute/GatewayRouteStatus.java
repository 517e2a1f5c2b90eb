package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * GatewayRouteStatus defines the observed state of GatewayRoute
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteStatus {

    @JsonPropertyDescription("The current GatewayRoute status.")
    private List<GatewayRouteCondition> conditions;

    @JsonPropertyDescription("GatewayRouteARN is the AppMesh GatewayRoute object's Amazon Resource Name")
    private String gatewayRouteARN;

    @JsonPropertyDescription("The generation observed by the GatewayRoute controller.")
    private Long observedGeneration;

    public List<GatewayRouteCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<GatewayRouteCondition> conditions) {
        this.conditions = conditions;
    }

    public String getGatewayRouteARN() {
        return gatewayRouteARN;
    }

    public void setGatewayRouteARN(String gatewayRouteARN) {
        this.gatewayRouteARN = gatewayRouteARN;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteStatus that = (GatewayRouteStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(gatewayRouteARN, that.gatewayRouteARN)
                && Objects.equals(observedGeneration, that.observedGeneration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, gatewayRouteARN, observedGeneration);
    }

    @Override
    public String toString() {
        return "GatewayRouteStatus{" + "conditions=" + conditions + ", " + "gatewayRouteARN=" + gatewayRouteARN + ", "
                + "observedGeneration=" + observedGeneration + "}";
    }
}
