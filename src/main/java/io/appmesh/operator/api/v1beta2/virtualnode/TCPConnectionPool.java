package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Specifies tcp connection pool settings for the virtual node listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TCPConnectionPool {

    @JsonPropertyDescription("Represents the maximum number of outbound TCP connections\nthe envoy can establish concurrently with all the hosts in the upstream cluster.")
    @Required
    @Min(1)
    private Long maxConnections;

    public Long getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Long maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TCPConnectionPool that = (TCPConnectionPool) o;
        return Objects.equals(maxConnections, that.maxConnections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConnections);
    }

    @Override
    public String toString() {
        return "TCPConnectionPool{" + "maxConnections=" + maxConnections + "}";
    }
}
