package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents the defaults for backend GatewayRoutes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayBackendDefaults {

    @JsonPropertyDescription("A reference to an object that represents a client policy.")
    private VirtualGatewayClientPolicy clientPolicy;

    public VirtualGatewayClientPolicy getClientPolicy() {
        return clientPolicy;
    }

    public void setClientPolicy(VirtualGatewayClientPolicy clientPolicy) {
        this.clientPolicy = clientPolicy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayBackendDefaults that = (VirtualGatewayBackendDefaults) o;
        return Objects.equals(clientPolicy, that.clientPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientPolicy);
    }

    @Override
    public String toString() {
        return "VirtualGatewayBackendDefaults{" + "clientPolicy=" + clientPolicy + "}";
    }
}
