package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents the criteria for determining a request match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCRouteMatch {

    @JsonPropertyDescription("An object that represents the data to match from the request.")
    @Size(min = 1, max = 10)
    private List<GRPCRouteMetadata> metadata;

    @JsonPropertyDescription("The method name to match from the request. If you specify a name, you must also specify a serviceName.")
    @Size(min = 1, max = 50)
    private String methodName;

    @JsonPropertyDescription("Specifies the port to match requests with")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("The fully qualified domain name for the service to match from the request.")
    private String serviceName;

    public List<GRPCRouteMetadata> getMetadata() {
        return metadata;
    }

    public void setMetadata(List<GRPCRouteMetadata> metadata) {
        this.metadata = metadata;
    }

    public String getMethodName() {
        return methodName;
    }

    public void setMethodName(String methodName) {
        this.methodName = methodName;
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
        GRPCRouteMatch that = (GRPCRouteMatch) o;
        return Objects.equals(metadata, that.metadata) && Objects.equals(methodName, that.methodName)
                && Objects.equals(port, that.port) && Objects.equals(serviceName, that.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, methodName, port, serviceName);
    }

    @Override
    public String toString() {
        return "GRPCRouteMatch{" + "metadata=" + metadata + ", " + "methodName=" + methodName + ", " + "port=" + port + ", "
                + "serviceName=" + serviceName + "}";
    }
}
