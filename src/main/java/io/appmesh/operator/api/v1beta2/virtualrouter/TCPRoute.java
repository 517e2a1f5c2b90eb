package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.TCPTimeout;
import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the specification of a TCP route.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TCPRoute {

    @JsonPropertyDescription("The action to take if a match is determined.")
    @Required
    private TCPRouteAction action;

    @JsonPropertyDescription("An object that represents the criteria for determining a request match.")
    private TCPRouteMatch match;

    @JsonPropertyDescription("An object that represents a tcp timeout.")
    private TCPTimeout timeout;

    public TCPRouteAction getAction() {
        return action;
    }

    public void setAction(TCPRouteAction action) {
        this.action = action;
    }

    public TCPRouteMatch getMatch() {
        return match;
    }

    public void setMatch(TCPRouteMatch match) {
        this.match = match;
    }

    public TCPTimeout getTimeout() {
        return timeout;
    }

    public void setTimeout(TCPTimeout timeout) {
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
        TCPRoute that = (TCPRoute) o;
        return Objects.equals(action, that.action) && Objects.equals(match, that.match)
                && Objects.equals(timeout, that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, match, timeout);
    }

    @Override
    public String toString() {
        return "TCPRoute{" + "action=" + action + ", " + "match=" + match + ", " + "timeout=" + timeout + "}";
    }
}
