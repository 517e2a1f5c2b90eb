package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * HTTPGatewayRouteRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRouteRewrite.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPGatewayRouteRewrite {

    @JsonPropertyDescription("GatewayRouteHostnameRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GatewayRouteHostnameRewrite.html\nENABLE or DISABLE default behavior for Hostname rewrite")
    private GatewayRouteHostnameRewrite hostname;

    @JsonPropertyDescription("GatewayRoutePathRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRoutePathRewrite.html")
    private GatewayRoutePathRewrite path;

    @JsonPropertyDescription("GatewayRoutePrefixRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRoutePrefixRewrite.html")
    private GatewayRoutePrefixRewrite prefix;

    public GatewayRouteHostnameRewrite getHostname() {
        return hostname;
    }

    public void setHostname(GatewayRouteHostnameRewrite hostname) {
        this.hostname = hostname;
    }

    public GatewayRoutePathRewrite getPath() {
        return path;
    }

    public void setPath(GatewayRoutePathRewrite path) {
        this.path = path;
    }

    public GatewayRoutePrefixRewrite getPrefix() {
        return prefix;
    }

    public void setPrefix(GatewayRoutePrefixRewrite prefix) {
        this.prefix = prefix;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPGatewayRouteRewrite that = (HTTPGatewayRouteRewrite) o;
        return Objects.equals(hostname, that.hostname) && Objects.equals(path, that.path)
                && Objects.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, path, prefix);
    }

    @Override
    public String toString() {
        return "HTTPGatewayRouteRewrite{" + "hostname=" + hostname + ", " + "path=" + path + ", " + "prefix=" + prefix + "}";
    }
}
