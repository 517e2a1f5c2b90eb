package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * VirtualRouterStatus defines the observed state of VirtualRouter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualRouterStatus {

    @JsonPropertyDescription("The current VirtualRouter status.")
    private List<VirtualRouterCondition> conditions;

    @JsonPropertyDescription("The generation observed by the VirtualRouter controller.")
    private Long observedGeneration;

    @JsonPropertyDescription("RouteARNs is a map of AppMesh Route objects' Amazon Resource Names, indexed by route name.")
    private Map<String, String> routeARNs;

    @JsonPropertyDescription("VirtualRouterARN is the AppMesh VirtualRouter object's Amazon Resource Name.")
    private String virtualRouterARN;

    public List<VirtualRouterCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<VirtualRouterCondition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public Map<String, String> getRouteARNs() {
        return routeARNs;
    }

    public void setRouteARNs(Map<String, String> routeARNs) {
        this.routeARNs = routeARNs;
    }

    public String getVirtualRouterARN() {
        return virtualRouterARN;
    }

    public void setVirtualRouterARN(String virtualRouterARN) {
        this.virtualRouterARN = virtualRouterARN;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualRouterStatus that = (VirtualRouterStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(observedGeneration, that.observedGeneration)
                && Objects.equals(routeARNs, that.routeARNs) && Objects.equals(virtualRouterARN, that.virtualRouterARN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, observedGeneration, routeARNs, virtualRouterARN);
    }

    @Override
    public String toString() {
        return "VirtualRouterStatus{" + "conditions=" + conditions + ", " + "observedGeneration=" + observedGeneration + ", "
                + "routeARNs=" + routeARNs + ", " + "virtualRouterARN=" + virtualRouterARN + "}";
    }
}
