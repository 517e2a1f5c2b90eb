package io.appmesh.operator.api.v1beta2.virtualservice;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.VirtualNodeReference;

/**
 * The virtual node associated with a virtual service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeServiceProvider {

    @JsonPropertyDescription("Amazon Resource Name to AppMesh VirtualNode object that is acting as a service provider. Exactly one of 'virtualNodeRef' or 'virtualNodeARN' must be specified.")
    private String virtualNodeARN;

    @JsonPropertyDescription("Reference to Kubernetes VirtualNode CR in cluster that is acting as a service provider. Exactly one of 'virtualNodeRef' or 'virtualNodeARN' must be specified.")
    private VirtualNodeReference virtualNodeRef;

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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualNodeServiceProvider that = (VirtualNodeServiceProvider) o;
        return Objects.equals(virtualNodeARN, that.virtualNodeARN) && Objects.equals(virtualNodeRef, that.virtualNodeRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualNodeARN, virtualNodeRef);
    }

    @Override
    public String toString() {
        return "VirtualNodeServiceProvider{" + "virtualNodeARN=" + virtualNodeARN + ", " + "virtualNodeRef=" + virtualNodeRef
                + "}";
    }
}
