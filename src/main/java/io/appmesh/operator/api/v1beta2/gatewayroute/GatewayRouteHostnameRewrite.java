package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.crd.generator.annotation.SchemaFrom;

/**
 * GatewayRouteHostnameRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GatewayRouteHostnameRewrite.html
 * ENABLE or DISABLE default behavior for Hostname rewrite
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteHostnameRewrite {

    @SchemaFrom(type = DefaultGatewayRouteRewrite.class)
    private String defaultTargetHostname;

    public String getDefaultTargetHostname() {
        return defaultTargetHostname;
    }

    public void setDefaultTargetHostname(String defaultTargetHostname) {
        this.defaultTargetHostname = defaultTargetHostname;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteHostnameRewrite that = (GatewayRouteHostnameRewrite) o;
        return Objects.equals(defaultTargetHostname, that.defaultTargetHostname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultTargetHostname);
    }

    @Override
    public String toString() {
        return "GatewayRouteHostnameRewrite{" + "defaultTargetHostname=" + defaultTargetHostname + "}";
    }
}
