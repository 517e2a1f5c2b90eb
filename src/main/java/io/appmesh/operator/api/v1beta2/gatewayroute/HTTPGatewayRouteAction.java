package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the action to take if a match is determined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPGatewayRouteAction {

    @JsonPropertyDescription("HTTPGatewayRouteRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRouteRewrite.html")
    private HTTPGatewayRouteRewrite rewrite;

    @JsonPropertyDescription("An object that represents the target that traffic is routed to when a request matches the route.")
    @Required
    private GatewayRouteTarget target;

    public HTTPGatewayRouteRewrite getRewrite() {
        return rewrite;
    }

    public void setRewrite(HTTPGatewayRouteRewrite rewrite) {
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
        HTTPGatewayRouteAction that = (HTTPGatewayRouteAction) o;
        return Objects.equals(rewrite, that.rewrite) && Objects.equals(target, that.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rewrite, target);
    }

    @Override
    public String toString() {
        return "HTTPGatewayRouteAction{" + "rewrite=" + rewrite + ", " + "target=" + target + "}";
    }
}
