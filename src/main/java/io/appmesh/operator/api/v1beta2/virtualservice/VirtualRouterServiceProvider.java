package io.appmesh.operator.api.v1beta2.virtualservice;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.VirtualRouterReference;

/**
 * The virtual router associated with a virtual service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualRouterServiceProvider {

    @JsonPropertyDescription("Amazon Resource Name to AppMesh VirtualRouter object that is acting as a service provider. Exactly one of 'virtualRouterRef' or 'virtualRouterARN' must be specified.")
    private String virtualRouterARN;

    @JsonPropertyDescription("Reference to Kubernetes VirtualRouter CR in cluster that is acting as a service provider. Exactly one of 'virtualRouterRef' or 'virtualRouterARN' must be specified.")
    private VirtualRouterReference virtualRouterRef;

    public String getVirtualRouterARN() {
        return virtualRouterARN;
    }

    public void setVirtualRouterARN(String virtualRouterARN) {
        this.virtualRouterARN = virtualRouterARN;
    }

    public VirtualRouterReference getVirtualRouterRef() {
        return virtualRouterRef;
    }

    public void setVirtualRouterRef(VirtualRouterReference virtualRouterRef) {
        this.virtualRouterRef = virtualRouterRef;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualRouterServiceProvider that = (VirtualRouterServiceProvider) o;
        return Objects.equals(virtualRouterARN, that.virtualRouterARN)
                && Objects.equals(virtualRouterRef, that.virtualRouterRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualRouterARN, virtualRouterRef);
    }

    @Override
    public String toString() {
        return "VirtualRouterServiceProvider{" + "virtualRouterARN=" + virtualRouterARN + ", " + "virtualRouterRef="
                + virtualRouterRef + "}";
    }
}
