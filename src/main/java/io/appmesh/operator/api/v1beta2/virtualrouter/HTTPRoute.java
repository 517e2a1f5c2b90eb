package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.HTTPTimeout;
import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the specification of an HTTP/2 route.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPRoute {

    @JsonPropertyDescription("An object that represents the action to take if a match is determined.")
    @Required
    private HTTPRouteAction action;

    @JsonPropertyDescription("An object that represents the criteria for determining a request match.")
    @Required
    private HTTPRouteMatch match;

    @JsonPropertyDescription("An object that represents a retry policy.")
    private HTTPRetryPolicy retryPolicy;

    @JsonPropertyDescription("An object that represents a http timeout.")
    private HTTPTimeout timeout;

    public HTTPRouteAction getAction() {
        return action;
    }

    public void setAction(HTTPRouteAction action) {
        this.action = action;
    }

    public HTTPRouteMatch getMatch() {
        return match;
    }

    public void setMatch(HTTPRouteMatch match) {
        this.match = match;
    }

    public HTTPRetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    public void setRetryPolicy(HTTPRetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    public HTTPTimeout getTimeout() {
        return timeout;
    }

    public void setTimeout(HTTPTimeout timeout) {
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
        HTTPRoute that = (HTTPRoute) o;
        return Objects.equals(action, that.action) && Objects.equals(match, that.match)
                && Objects.equals(retryPolicy, that.retryPolicy) && Objects.equals(timeout, that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, match, retryPolicy, timeout);
    }

    @Override
    public String toString() {
        return "HTTPRoute{" + "action=" + action + ", " + "match=" + match + ", " + "retryPolicy=" + retryPolicy + ", "
                + "timeout=" + timeout + "}";
    }
}
