package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents the action to take if a match is determined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCRouteAction {

    @JsonPropertyDescription("An object that represents the targets that traffic is routed to when a request matches the route.")
    @Required
    @Size(min = 1, max = 10)
    private List<WeightedTarget> weightedTargets;

    public List<WeightedTarget> getWeightedTargets() {
        return weightedTargets;
    }

    public void setWeightedTargets(List<WeightedTarget> weightedTargets) {
        this.weightedTargets = weightedTargets;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCRouteAction that = (GRPCRouteAction) o;
        return Objects.equals(weightedTargets, that.weightedTargets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weightedTargets);
    }

    @Override
    public String toString() {
        return "GRPCRouteAction{" + "weightedTargets=" + weightedTargets + "}";
    }
}
