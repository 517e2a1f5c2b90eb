package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Specifies http connection pool settings for the virtual gateway listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPConnectionPool {

    @JsonPropertyDescription("Represents the maximum number of outbound TCP connections\nthe envoy can establish concurrently with all the hosts in the upstream cluster.")
    @Required
    @Min(1)
    private Long maxConnections;

    @JsonPropertyDescription("Represents the number of overflowing requests after max_connections\nthat an envoy will queue to an upstream cluster.")
    @Min(1)
    private Long maxPendingRequests;

    public Long getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Long maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Long getMaxPendingRequests() {
        return maxPendingRequests;
    }

    public void setMaxPendingRequests(Long maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPConnectionPool that = (HTTPConnectionPool) o;
        return Objects.equals(maxConnections, that.maxConnections)
                && Objects.equals(maxPendingRequests, that.maxPendingRequests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConnections, maxPendingRequests);
    }

    @Override
    public String toString() {
        return "HTTPConnectionPool{" + "maxConnections=" + maxConnections + ", " + "maxPendingRequests=" + maxPendingRequests
                + "}";
    }
}
