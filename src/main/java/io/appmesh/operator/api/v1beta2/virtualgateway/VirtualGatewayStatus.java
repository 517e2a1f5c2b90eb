package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * VirtualGatewayStatus defines the observed state of VirtualGateway
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayStatus {

    @JsonPropertyDescription("The current VirtualGateway status.")
    private List<VirtualGatewayCondition> conditions;

    @JsonPropertyDescription("The generation observed by the VirtualGateway controller.")
    private Long observedGeneration;

    @JsonPropertyDescription("VirtualGatewayARN is the AppMesh VirtualGateway object's Amazon Resource Name")
    private String virtualGatewayARN;

    public List<VirtualGatewayCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<VirtualGatewayCondition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getVirtualGatewayARN() {
        return virtualGatewayARN;
    }

    public void setVirtualGatewayARN(String virtualGatewayARN) {
        this.virtualGatewayARN = virtualGatewayARN;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayStatus that = (VirtualGatewayStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(observedGeneration, that.observedGeneration)
                && Objects.equals(virtualGatewayARN, that.virtualGatewayARN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, observedGeneration, virtualGatewayARN);
    }

    @Override
    public String toString() {
        return "VirtualGatewayStatus{" + "conditions=" + conditions + ", " + "observedGeneration=" + observedGeneration + ", "
                + "virtualGatewayARN=" + virtualGatewayARN + "}";
    }
}
