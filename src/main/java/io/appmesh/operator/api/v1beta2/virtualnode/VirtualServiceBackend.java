package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;

/**
 * Specifies a virtual service to use as a backend for a virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualServiceBackend {

    @JsonPropertyDescription("A reference to an object that represents the client policy for a backend.")
    private ClientPolicy clientPolicy;

    @JsonPropertyDescription("Amazon Resource Name to AppMesh VirtualService object that is acting as a virtual node backend. Exactly one of 'virtualServiceRef' or 'virtualServiceARN' must be specified.")
    private String virtualServiceARN;

    @JsonPropertyDescription("Reference to Kubernetes VirtualService CR in cluster that is acting as a virtual node backend. Exactly one of 'virtualServiceRef' or 'virtualServiceARN' must be specified.")
    private VirtualServiceReference virtualServiceRef;

    public ClientPolicy getClientPolicy() {
        return clientPolicy;
    }

    public void setClientPolicy(ClientPolicy clientPolicy) {
        this.clientPolicy = clientPolicy;
    }

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
        VirtualServiceBackend that = (VirtualServiceBackend) o;
        return Objects.equals(clientPolicy, that.clientPolicy) && Objects.equals(virtualServiceARN, that.virtualServiceARN)
                && Objects.equals(virtualServiceRef, that.virtualServiceRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientPolicy, virtualServiceARN, virtualServiceRef);
    }

    @Override
    public String toString() {
        return "VirtualServiceBackend{" + "clientPolicy=" + clientPolicy + ", " + "virtualServiceARN=" + virtualServiceARN
                + ", " + "virtualServiceRef=" + virtualServiceRef + "}";
    }
}
