package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * GrpcGatewayRouteRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GrpcGatewayRouteRewrite.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCGatewayRouteRewrite {

    @JsonPropertyDescription("GatewayRouteHostnameRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GatewayRouteHostnameRewrite.html\nENABLE or DISABLE default behavior for Hostname rewrite")
    private GatewayRouteHostnameRewrite hostname;

    public GatewayRouteHostnameRewrite getHostname() {
        return hostname;
    }

    public void setHostname(GatewayRouteHostnameRewrite hostname) {
        this.hostname = hostname;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCGatewayRouteRewrite that = (GRPCGatewayRouteRewrite) o;
        return Objects.equals(hostname, that.hostname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname);
    }

    @Override
    public String toString() {
        return "GRPCGatewayRouteRewrite{" + "hostname=" + hostname + "}";
    }
}
