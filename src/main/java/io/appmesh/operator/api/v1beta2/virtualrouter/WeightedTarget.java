package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.VirtualNodeReference;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * WeightedTarget refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_WeightedTarget.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WeightedTarget {

    @JsonPropertyDescription("Specifies the targeted port of the weighted object")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("Amazon Resource Name to AppMesh VirtualNode object to associate with the weighted target. Exactly one of 'virtualNodeRef' or 'virtualNodeARN' must be specified.")
    private String virtualNodeARN;

    @JsonPropertyDescription("Reference to Kubernetes VirtualNode CR in cluster to associate with the weighted target. Exactly one of 'virtualNodeRef' or 'virtualNodeARN' must be specified.")
    private VirtualNodeReference virtualNodeRef;

    @JsonPropertyDescription("The relative weight of the weighted target.")
    @Required
    @Min(0)
    @Max(100)
    private Long weight;

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getVirtualNodeARN() {
        return virtualNodeARN;
    }

    public void setVirtualNodeARN(String virtualNodeARN) {
        this.virtualNodeARN = virtualNodeARN;
    }

    public VirtualNodeReference getVirtualNodeRef() {
        return virtualNodeRef;
    }

    public void setVirtualNodeRef(VirtualNodeReference virtualNodeRef) {
        this.virtualNodeRef = virtualNodeRef;
    }

    public Long getWeight() {
        return weight;
    }

    public void setWeight(Long weight) {
        this.weight = weight;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        WeightedTarget that = (WeightedTarget) o;
        return Objects.equals(port, that.port) && Objects.equals(virtualNodeARN, that.virtualNodeARN)
                && Objects.equals(virtualNodeRef, that.virtualNodeRef) && Objects.equals(weight, that.weight);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, virtualNodeARN, virtualNodeRef, weight);
    }

    @Override
    public String toString() {
        return "WeightedTarget{" + "port=" + port + ", " + "virtualNodeARN=" + virtualNodeARN + ", " + "virtualNodeRef="
                + virtualNodeRef + ", " + "weight=" + weight + "}";
    }
}
