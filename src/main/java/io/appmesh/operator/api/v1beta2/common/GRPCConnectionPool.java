package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Specifies grpc connection pool settings for the virtual gateway listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCConnectionPool {

    @JsonPropertyDescription("Represents the maximum number of inflight requests that an envoy\ncan concurrently support across all the hosts in the upstream cluster")
    @Required
    @Min(1)
    private Long maxRequests;

    public Long getMaxRequests() {
        return maxRequests;
    }

    public void setMaxRequests(Long maxRequests) {
        this.maxRequests = maxRequests;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCConnectionPool that = (GRPCConnectionPool) o;
        return Objects.equals(maxRequests, that.maxRequests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRequests);
    }

    @Override
    public String toString() {
        return "GRPCConnectionPool{" + "maxRequests=" + maxRequests + "}";
    }
}
