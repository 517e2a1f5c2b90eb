package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * VirtualGatewayListener refers to https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListener {

    @JsonPropertyDescription("The connection pool settings for the listener")
    private VirtualGatewayConnectionPool connectionPool;

    @JsonPropertyDescription("The health check information for the listener.")
    private VirtualGatewayHealthCheckPolicy healthCheck;

    @JsonPropertyDescription("The port mapping information for the listener.")
    @Required
    private VirtualGatewayPortMapping portMapping;

    @JsonPropertyDescription("A reference to an object that represents the Transport Layer Security (TLS) properties for a listener.")
    private VirtualGatewayListenerTLS tls;

    public VirtualGatewayConnectionPool getConnectionPool() {
        return connectionPool;
    }

    public void setConnectionPool(VirtualGatewayConnectionPool connectionPool) {
        this.connectionPool = connectionPool;
    }

    public VirtualGatewayHealthCheckPolicy getHealthCheck() {
        return healthCheck;
    }

    public void setHealthCheck(VirtualGatewayHealthCheckPolicy healthCheck) {
        this.healthCheck = healthCheck;
    }

    public VirtualGatewayPortMapping getPortMapping() {
        return portMapping;
    }

    public void setPortMapping(VirtualGatewayPortMapping portMapping) {
        this.portMapping = portMapping;
    }

    public VirtualGatewayListenerTLS getTls() {
        return tls;
    }

    public void setTls(VirtualGatewayListenerTLS tls) {
        this.tls = tls;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListener that = (VirtualGatewayListener) o;
        return Objects.equals(connectionPool, that.connectionPool) && Objects.equals(healthCheck, that.healthCheck)
                && Objects.equals(portMapping, that.portMapping) && Objects.equals(tls, that.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionPool, healthCheck, portMapping, tls);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListener{" + "connectionPool=" + connectionPool + ", " + "healthCheck=" + healthCheck + ", "
                + "portMapping=" + portMapping + ", " + "tls=" + tls + "}";
    }
}
