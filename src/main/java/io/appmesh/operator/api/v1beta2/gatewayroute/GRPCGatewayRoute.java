package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the specification of a gRPC gatewayRoute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCGatewayRoute {

    @JsonPropertyDescription("An object that represents the action to take if a match is determined.")
    @Required
    private GRPCGatewayRouteAction action;

    @JsonPropertyDescription("An object that represents the criteria for determining a request match.")
    @Required
    private GRPCGatewayRouteMatch match;

    public GRPCGatewayRouteAction getAction() {
        return action;
    }

    public void setAction(GRPCGatewayRouteAction action) {
        this.action = action;
    }

    public GRPCGatewayRouteMatch getMatch() {
        return match;
    }

    public void setMatch(GRPCGatewayRouteMatch match) {
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
        GRPCGatewayRoute that = (GRPCGatewayRoute) o;
        return Objects.equals(action, that.action) && Objects.equals(match, that.match);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, match);
    }

    @Override
    public String toString() {
        return "GRPCGatewayRoute{" + "action=" + action + ", " + "match=" + match + "}";
    }
}
