package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.generator.annotation.Size;

/**
 * GatewayRoutePathRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRoutePathRewrite.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRoutePathRewrite {

    @Size(min = 1, max = 255)
    private String exact;

    public String getExact() {
        return exact;
    }

    public void setExact(String exact) {
        this.exact = exact;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRoutePathRewrite that = (GatewayRoutePathRewrite) o;
        return Objects.equals(exact, that.exact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact);
    }

    @Override
    public String toString() {
        return "GatewayRoutePathRewrite{" + "exact=" + exact + "}";
    }
}
