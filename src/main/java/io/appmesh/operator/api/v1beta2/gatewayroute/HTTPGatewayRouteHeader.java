package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.HeaderMatchMethod;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * HTTPGatewayRouteHeader refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRouteHeader.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPGatewayRouteHeader {

    @JsonPropertyDescription("Specify True to match anything except the match criteria. The default value is False.")
    private Boolean invert;

    @JsonPropertyDescription("The HeaderMatchMethod object.")
    private HeaderMatchMethod match;

    @JsonPropertyDescription("A name for the HTTP header in the client request that will be matched on.")
    @Required
    @Size(min = 1, max = 50)
    private String name;

    public Boolean getInvert() {
        return invert;
    }

    public void setInvert(Boolean invert) {
        this.invert = invert;
    }

    public HeaderMatchMethod getMatch() {
        return match;
    }

    public void setMatch(HeaderMatchMethod match) {
        this.match = match;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPGatewayRouteHeader that = (HTTPGatewayRouteHeader) o;
        return Objects.equals(invert, that.invert) && Objects.equals(match, that.match) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invert, match, name);
    }

    @Override
    public String toString() {
        return "HTTPGatewayRouteHeader{" + "invert=" + invert + ", " + "match=" + match + ", " + "name=" + name + "}";
    }
}
