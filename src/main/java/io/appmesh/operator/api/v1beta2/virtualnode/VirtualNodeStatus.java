package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * VirtualNodeStatus defines the observed state of VirtualNode
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeStatus {

    @JsonPropertyDescription("The current VirtualNode status.")
    private List<VirtualNodeCondition> conditions;

    @JsonPropertyDescription("The generation observed by the VirtualNode controller.")
    private Long observedGeneration;

    @JsonPropertyDescription("VirtualNodeARN is the AppMesh VirtualNode object's Amazon Resource Name")
    private String virtualNodeARN;

    public List<VirtualNodeCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<VirtualNodeCondition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getVirtualNodeARN() {
        return virtualNodeARN;
    }

    public void setVirtualNodeARN(String virtualNodeARN) {
        this.virtualNodeARN = virtualNodeARN;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualNodeStatus that = (VirtualNodeStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(observedGeneration, that.observedGeneration)
                && Objects.equals(virtualNodeARN, that.virtualNodeARN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, observedGeneration, virtualNodeARN);
    }

    @Override
    public String toString() {
        return "VirtualNodeStatus{" + "conditions=" + conditions + ", " + "observedGeneration=" + observedGeneration + ", "
                + "virtualNodeARN=" + virtualNodeARN + "}";
    }
}
