package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * The port mapping information for the listener.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayPortMapping {

    @JsonPropertyDescription("The port used for the port mapping.")
    @Required
    @Min(1)
    @Max(65535)
    private Long port;

    @JsonPropertyDescription("The protocol used for the port mapping.")
    @Required
    @SchemaFrom(type = VirtualGatewayPortProtocol.class)
    private String protocol;

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayPortMapping that = (VirtualGatewayPortMapping) o;
        return Objects.equals(port, that.port) && Objects.equals(protocol, that.protocol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, protocol);
    }

    @Override
    public String toString() {
        return "VirtualGatewayPortMapping{" + "port=" + port + ", " + "protocol=" + protocol + "}";
    }
}
