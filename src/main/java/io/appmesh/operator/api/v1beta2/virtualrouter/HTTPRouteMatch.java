package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.HTTPMethod;
import io.appmesh.operator.api.v1beta2.common.HTTPPathMatch;
import io.appmesh.operator.api.v1beta2.common.HTTPQueryParameters;
import io.appmesh.operator.api.v1beta2.common.HTTPScheme;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents the criteria for determining a request match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPRouteMatch {

    @JsonPropertyDescription("An object that represents the client request headers to match on.")
    @Size(min = 1, max = 10)
    private List<HTTPRouteHeader> headers;

    @JsonPropertyDescription("The client request method to match on.")
    @SchemaFrom(type = HTTPMethod.class)
    private String method;

    @JsonPropertyDescription("The client specified Path to match on.")
    private HTTPPathMatch path;

    @JsonPropertyDescription("Specifies the port to match requests with")
    @Min(0)
    private Long port;

    @JsonPropertyDescription("Specifies the prefix to match requests with")
    private String prefix;

    @JsonPropertyDescription("The client specified queryParameters to match on")
    @Size(min = 1, max = 10)
    private List<HTTPQueryParameters> queryParameters;

    @JsonPropertyDescription("The client request scheme to match on")
    @SchemaFrom(type = HTTPScheme.class)
    private String scheme;

    public List<HTTPRouteHeader> getHeaders() {
        return headers;
    }

    public void setHeaders(List<HTTPRouteHeader> headers) {
        this.headers = headers;
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

    public String getScheme() {
        return scheme;
    }

    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPRouteMatch that = (HTTPRouteMatch) o;
        return Objects.equals(headers, that.headers) && Objects.equals(method, that.method) && Objects.equals(path, that.path)
                && Objects.equals(port, that.port) && Objects.equals(prefix, that.prefix)
                && Objects.equals(queryParameters, that.queryParameters) && Objects.equals(scheme, that.scheme);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, method, path, port, prefix, queryParameters, scheme);
    }

    @Override
    public String toString() {
        return "HTTPRouteMatch{" + "headers=" + headers + ", " + "method=" + method + ", " + "path=" + path + ", " + "port="
                + port + ", " + "prefix=" + prefix + ", " + "queryParameters=" + queryParameters + ", " + "scheme=" + scheme
                + "}";
    }
}
