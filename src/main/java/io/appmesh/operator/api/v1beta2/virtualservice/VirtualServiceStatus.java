package io.appmesh.operator.api.v1beta2.virtualservice;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * VirtualServiceStatus defines the observed state of VirtualService
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualServiceStatus {

    @JsonPropertyDescription("The current VirtualService status.")
    private List<VirtualServiceCondition> conditions;

    @JsonPropertyDescription("The generation observed by the VirtualService controller.")
    private Long observedGeneration;

    @JsonPropertyDescription("VirtualServiceARN is the AppMesh VirtualService object's Amazon Resource Name.")
    private String virtualServiceARN;

    public List<VirtualServiceCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<VirtualServiceCondition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getVirtualServiceARN() {
        return virtualServiceARN;
    }

    public void setVirtualServiceARN(String virtualServiceARN) {
        this.virtualServiceARN = virtualServiceARN;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualServiceStatus that = (VirtualServiceStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(observedGeneration, that.observedGeneration)
                && Objects.equals(virtualServiceARN, that.virtualServiceARN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, observedGeneration, virtualServiceARN);
    }

    @Override
    public String toString() {
        return "VirtualServiceStatus{" + "conditions=" + conditions + ", " + "observedGeneration=" + observedGeneration + ", "
                + "virtualServiceARN=" + virtualServiceARN + "}";
    }
}
