package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GatewayRouteHostnameMatch;
import io.appmesh.operator.api.v1beta2.common.HTTPMethod;
import io.appmesh.operator.api.v1beta2.common.HTTPPathMatch;
import io.appmesh.operator.api.v1beta2.common.HTTPQueryParameters;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents the criteria for determining a request match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPGatewayRouteMatch {

    @JsonPropertyDescription("An object that represents the client request headers to match on.")
    @Size(min = 1, max = 10)
    private List<HTTPGatewayRouteHeader> headers;

    @JsonPropertyDescription("The client specified Hostname to match on.")
    private GatewayRouteHostnameMatch hostname;

    @JsonPropertyDescription("The client request method to match on.")
    @SchemaFrom(type = HTTPMethod.class)
    private String method;

    @JsonPropertyDescription("Specified path of the request to be matched on")
    private HTTPPathMatch path;

    @JsonPropertyDescription("Specifies the port the request to be matched on")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("Either Prefix or Hostname must be specified. Both are allowed as well.\nSpecifies the prefix to match requests with")
    private String prefix;

    @JsonPropertyDescription("Client specified query parameters to match on")
    @Size(min = 1, max = 10)
    private List<HTTPQueryParameters> queryParameters;

    public List<HTTPGatewayRouteHeader> getHeaders() {
        return headers;
    }

    public void setHeaders(List<HTTPGatewayRouteHeader> headers) {
        this.headers = headers;
    }

    public GatewayRouteHostnameMatch getHostname() {
        return hostname;
    }

    public void setHostname(GatewayRouteHostnameMatch hostname) {
        this.hostname = hostname;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public HTTPPathMatch getPath() {
        return path;
    }

    public void setPath(HTTPPathMatch path) {
        this.path = path;
    }

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public List<HTTPQueryParameters> getQueryParameters() {
        return queryParameters;
    }

    public void setQueryParameters(List<HTTPQueryParameters> queryParameters) {
        this.queryParameters = queryParameters;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPGatewayRouteMatch that = (HTTPGatewayRouteMatch) o;
        return Objects.equals(headers, that.headers) && Objects.equals(hostname, that.hostname)
                && Objects.equals(method, that.method) && Objects.equals(path, that.path) && Objects.equals(port, that.port)
                && Objects.equals(prefix, that.prefix) && Objects.equals(queryParameters, that.queryParameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, hostname, method, path, port, prefix, queryParameters);
    }

    @Override
    public String toString() {
        return "HTTPGatewayRouteMatch{" + "headers=" + headers + ", " + "hostname=" + hostname + ", " + "method=" + method
                + ", " + "path=" + path + ", " + "port=" + port + ", " + "prefix=" + prefix + ", " + "queryParameters="
                + queryParameters + "}";
    }
}
