package io.appmesh.operator.api.v1beta2.virtualservice;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The provider for virtual services. You can specify a single virtual node or virtual router.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualServiceProvider {

    @JsonPropertyDescription("The virtual node associated with a virtual service.")
    private VirtualNodeServiceProvider virtualNode;

    @JsonPropertyDescription("The virtual router associated with a virtual service.")
    private VirtualRouterServiceProvider virtualRouter;

    public VirtualNodeServiceProvider getVirtualNode() {
        return virtualNode;
    }

    public void setVirtualNode(VirtualNodeServiceProvider virtualNode) {
        this.virtualNode = virtualNode;
    }

    public VirtualRouterServiceProvider getVirtualRouter() {
        return virtualRouter;
    }

    public void setVirtualRouter(VirtualRouterServiceProvider virtualRouter) {
        this.virtualRouter = virtualRouter;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualServiceProvider that = (VirtualServiceProvider) o;
        return Objects.equals(virtualNode, that.virtualNode) && Objects.equals(virtualRouter, that.virtualRouter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualNode, virtualRouter);
    }

    @Override
    public String toString() {
        return "VirtualServiceProvider{" + "virtualNode=" + virtualNode + ", " + "virtualRouter=" + virtualRouter + "}";
    }
}
