package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the target that traffic is routed to when a request matches the route.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteTarget {

    @JsonPropertyDescription("Specifies the port of the gateway route target")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("The virtual service to associate with the gateway route target.")
    @Required
    private GatewayRouteVirtualService virtualService;

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public GatewayRouteVirtualService getVirtualService() {
        return virtualService;
    }

    public void setVirtualService(GatewayRouteVirtualService virtualService) {
        this.virtualService = virtualService;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteTarget that = (GatewayRouteTarget) o;
        return Objects.equals(port, that.port) && Objects.equals(virtualService, that.virtualService);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, virtualService);
    }

    @Override
    public String toString() {
        return "GatewayRouteTarget{" + "port=" + port + ", " + "virtualService=" + virtualService + "}";
    }
}
