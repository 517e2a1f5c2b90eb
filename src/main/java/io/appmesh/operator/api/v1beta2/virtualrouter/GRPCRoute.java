package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GRPCTimeout;
import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the specification of a gRPC route.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCRoute {

    @JsonPropertyDescription("An object that represents the action to take if a match is determined.")
    @Required
    private GRPCRouteAction action;

    @JsonPropertyDescription("An object that represents the criteria for determining a request match.")
    @Required
    private GRPCRouteMatch match;

    @JsonPropertyDescription("An object that represents a retry policy.")
    private GRPCRetryPolicy retryPolicy;

    @JsonPropertyDescription("An object that represents a grpc timeout.")
    private GRPCTimeout timeout;

    public GRPCRouteAction getAction() {
        return action;
    }

    public void setAction(GRPCRouteAction action) {
        this.action = action;
    }

    public GRPCRouteMatch getMatch() {
        return match;
    }

    public void setMatch(GRPCRouteMatch match) {
        this.match = match;
    }

    public GRPCRetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    public void setRetryPolicy(GRPCRetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    public GRPCTimeout getTimeout() {
        return timeout;
    }

    public void setTimeout(GRPCTimeout timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCRoute that = (GRPCRoute) o;
        return Objects.equals(action, that.action) && Objects.equals(match, that.match)
                && Objects.equals(retryPolicy, that.retryPolicy) && Objects.equals(timeout, that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, match, retryPolicy, timeout);
    }

    @Override
    public String toString() {
        return "GRPCRoute{" + "action=" + action + ", " + "match=" + match + ", " + "retryPolicy=" + retryPolicy + ", "
                + "timeout=" + timeout + "}";
    }
}
