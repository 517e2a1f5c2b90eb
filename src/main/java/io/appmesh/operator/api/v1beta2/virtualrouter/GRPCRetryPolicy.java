package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.Duration;
import io.appmesh.operator.api.v1beta2.common.GRPCRetryPolicyEvent;
import io.appmesh.operator.api.v1beta2.common.HTTPRetryPolicyEvent;
import io.appmesh.operator.api.v1beta2.common.TCPRetryPolicyEvent;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents a retry policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCRetryPolicy {

    @SchemaFrom(type = GRPCRetryPolicyEvent[].class)
    @Size(min = 1, max = 5)
    private List<String> grpcRetryEvents;

    @SchemaFrom(type = HTTPRetryPolicyEvent[].class)
    @Size(min = 1, max = 25)
    private List<String> httpRetryEvents;

    @JsonPropertyDescription("The maximum number of retry attempts.")
    @Required
    @Min(0)
    private Long maxRetries;

    @JsonPropertyDescription("An object that represents a duration of time.")
    @Required
    private Duration perRetryTimeout;

    @SchemaFrom(type = TCPRetryPolicyEvent[].class)
    @Size(min = 1, max = 1)
    private List<String> tcpRetryEvents;

    public List<String> getGrpcRetryEvents() {
        return grpcRetryEvents;
    }

    public void setGrpcRetryEvents(List<String> grpcRetryEvents) {
        this.grpcRetryEvents = grpcRetryEvents;
    }

    public List<String> getHttpRetryEvents() {
        return httpRetryEvents;
    }

    public void setHttpRetryEvents(List<String> httpRetryEvents) {
        this.httpRetryEvents = httpRetryEvents;
    }

    public Long getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Long maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getPerRetryTimeout() {
        return perRetryTimeout;
    }

    public void setPerRetryTimeout(Duration perRetryTimeout) {
        this.perRetryTimeout = perRetryTimeout;
    }

    public List<String> getTcpRetryEvents() {
        return tcpRetryEvents;
    }

    public void setTcpRetryEvents(List<String> tcpRetryEvents) {
        this.tcpRetryEvents = tcpRetryEvents;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCRetryPolicy that = (GRPCRetryPolicy) o;
        return Objects.equals(grpcRetryEvents, that.grpcRetryEvents) && Objects.equals(httpRetryEvents, that.httpRetryEvents)
                && Objects.equals(maxRetries, that.maxRetries) && Objects.equals(perRetryTimeout, that.perRetryTimeout)
                && Objects.equals(tcpRetryEvents, that.tcpRetryEvents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grpcRetryEvents, httpRetryEvents, maxRetries, perRetryTimeout, tcpRetryEvents);
    }

    @Override
    public String toString() {
        return "GRPCRetryPolicy{" + "grpcRetryEvents=" + grpcRetryEvents + ", " + "httpRetryEvents=" + httpRetryEvents + ", "
                + "maxRetries=" + maxRetries + ", " + "perRetryTimeout=" + perRetryTimeout + ", " + "tcpRetryEvents="
                + tcpRetryEvents + "}";
    }
}
