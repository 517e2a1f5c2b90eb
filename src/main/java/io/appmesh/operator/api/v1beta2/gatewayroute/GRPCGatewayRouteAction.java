package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the action to take if a match is determined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCGatewayRouteAction {

    @JsonPropertyDescription("GrpcGatewayRouteRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GrpcGatewayRouteRewrite.html")
    private GRPCGatewayRouteRewrite rewrite;

    @JsonPropertyDescription("An object that represents the target that traffic is routed to when a request matches the route.")
    @Required
    private GatewayRouteTarget target;

    public GRPCGatewayRouteRewrite getRewrite() {
        return rewrite;
    }

    public void setRewrite(GRPCGatewayRouteRewrite rewrite) {
        this.rewrite = rewrite;
    }

    public GatewayRouteTarget getTarget() {
        return target;
    }

    public void setTarget(GatewayRouteTarget target) {
        this.target = target;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCGatewayRouteAction that = (GRPCGatewayRouteAction) o;
        return Objects.equals(rewrite, that.rewrite) && Objects.equals(target, that.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rewrite, target);
    }

    @Override
    public String toString() {
        return "GRPCGatewayRouteAction{" + "rewrite=" + rewrite + ", " + "target=" + target + "}";
    }
}
