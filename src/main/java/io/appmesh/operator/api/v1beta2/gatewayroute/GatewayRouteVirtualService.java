package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;

/**
 * The virtual service to associate with the gateway route target.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteVirtualService {

    @JsonPropertyDescription("Amazon Resource Name to AppMesh VirtualService object to associate with the gateway route virtual service target. Exactly one of 'virtualServiceRef' or 'virtualServiceARN' must be specified.")
    private String virtualServiceARN;

    @JsonPropertyDescription("Reference to Kubernetes VirtualService CR in cluster to associate with the gateway route virtual service target. Exactly one of 'virtualServiceRef' or 'virtualServiceARN' must be specified.")
    private VirtualServiceReference virtualServiceRef;

    public String getVirtualServiceARN() {
        return virtualServiceARN;
    }

    public void setVirtualServiceARN(String virtualServiceARN) {
        this.virtualServiceARN = virtualServiceARN;
    }

    public VirtualServiceReference getVirtualServiceRef() {
        return virtualServiceRef;
    }

    public void setVirtualServiceRef(VirtualServiceReference virtualServiceRef) {
        this.virtualServiceRef = virtualServiceRef;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteVirtualService that = (GatewayRouteVirtualService) o;
        return Objects.equals(virtualServiceARN, that.virtualServiceARN)
                && Objects.equals(virtualServiceRef, that.virtualServiceRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualServiceARN, virtualServiceRef);
    }

    @Override
    public String toString() {
        return "GatewayRouteVirtualService{" + "virtualServiceARN=" + virtualServiceARN + ", " + "virtualServiceRef="
                + virtualServiceRef + "}";
    }
}
