package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GRPCRouteMetadataMatchMethod;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * GRPCGatewayRouteMetadata refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_GrpcGatewayRouteMetadata.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCGatewayRouteMetadata {

    @JsonPropertyDescription("Specify True to match anything except the match criteria. The default value is False.")
    private Boolean invert;

    @JsonPropertyDescription("An object that represents the data to match from the request.")
    private GRPCRouteMetadataMatchMethod match;

    @JsonPropertyDescription("The name of the route.")
    @Required
    @Size(min = 1, max = 50)
    private String name;

    public Boolean getInvert() {
        return invert;
    }

    public void setInvert(Boolean invert) {
        this.invert = invert;
    }

    public GRPCRouteMetadataMatchMethod getMatch() {
        return match;
    }

    public void setMatch(GRPCRouteMetadataMatchMethod match) {
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
        GRPCGatewayRouteMetadata that = (GRPCGatewayRouteMetadata) o;
        return Objects.equals(invert, that.invert) && Objects.equals(match, that.match) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invert, match, name);
    }

    @Override
    public String toString() {
        return "GRPCGatewayRouteMetadata{" + "invert=" + invert + ", " + "match=" + match + ", " + "name=" + name + "}";
    }
}
