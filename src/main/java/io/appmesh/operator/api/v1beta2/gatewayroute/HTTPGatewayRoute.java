package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the specification of an HTTP/2 gatewayRoute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPGatewayRoute {

    @JsonPropertyDescription("An object that represents the action to take if a match is determined.")
    @Required
    private HTTPGatewayRouteAction action;

    @JsonPropertyDescription("An object that represents the criteria for determining a request match.")
    @Required
    private HTTPGatewayRouteMatch match;

    public HTTPGatewayRouteAction getAction() {
        return action;
    }

    public void setAction(HTTPGatewayRouteAction action) {
        this.action = action;
    }

    public HTTPGatewayRouteMatch getMatch() {
        return match;
    }

    public void setMatch(HTTPGatewayRouteMatch match) {
        this.match = match;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPGatewayRoute that = (HTTPGatewayRoute) o;
        return Objects.equals(action, that.action) && Objects.equals(match, that.match);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, match);
    }

    @Override
    public String toString() {
        return "HTTPGatewayRoute{" + "action=" + action + ", " + "match=" + match + "}";
    }
}
