package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GatewayRouteHostnameMatch;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents the criteria for determining a request match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCGatewayRouteMatch {

    @JsonPropertyDescription("The client specified Hostname to match on.")
    private GatewayRouteHostnameMatch hostname;

    @JsonPropertyDescription("An object that represents the data to match from the request.")
    @Size(min = 1, max = 10)
    private List<GRPCGatewayRouteMetadata> metadata;

    @JsonPropertyDescription("Specifies the port the request to be matched on")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("Either ServiceName or Hostname must be specified. Both are allowed as well\nThe fully qualified domain name for the service to match from the request.")
    private String serviceName;

    public GatewayRouteHostnameMatch getHostname() {
        return hostname;
    }

    public void setHostname(GatewayRouteHostnameMatch hostname) {
        this.hostname = hostname;
    }

    public List<GRPCGatewayRouteMetadata> getMetadata() {
        return metadata;
    }

    public void setMetadata(List<GRPCGatewayRouteMetadata> metadata) {
        this.metadata = metadata;
    }

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCGatewayRouteMatch that = (GRPCGatewayRouteMatch) o;
        return Objects.equals(hostname, that.hostname) && Objects.equals(metadata, that.metadata)
                && Objects.equals(port, that.port) && Objects.equals(serviceName, that.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, metadata, port, serviceName);
    }

    @Override
    public String toString() {
        return "GRPCGatewayRouteMatch{" + "hostname=" + hostname + ", " + "metadata=" + metadata + ", " + "port=" + port + ", "
                + "serviceName=" + serviceName + "}";
    }
}
