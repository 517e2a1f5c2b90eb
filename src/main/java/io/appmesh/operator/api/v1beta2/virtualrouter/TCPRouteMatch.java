package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;

/**
 * An object that represents the criteria for determining a request match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TCPRouteMatch {

    @JsonPropertyDescription("Specifies the port to match requests with")
    @Min(0)
    private Long port;

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TCPRouteMatch that = (TCPRouteMatch) o;
        return Objects.equals(port, that.port);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port);
    }

    @Override
    public String toString() {
        return "TCPRouteMatch{" + "port=" + port + "}";
    }
}
