package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Size;

/**
 * GatewayRoutePrefixRewrite refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HttpGatewayRoutePrefixRewrite.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRoutePrefixRewrite {

    @SchemaFrom(type = DefaultGatewayRouteRewrite.class)
    private String defaultPrefix;

    @JsonPropertyDescription("When DefaultPrefix is specified, Value cannot be set")
    @Size(min = 1, max = 255)
    private String value;

    public String getDefaultPrefix() {
        return defaultPrefix;
    }

    public void setDefaultPrefix(String defaultPrefix) {
        this.defaultPrefix = defaultPrefix;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRoutePrefixRewrite that = (GatewayRoutePrefixRewrite) o;
        return Objects.equals(defaultPrefix, that.defaultPrefix) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultPrefix, value);
    }

    @Override
    public String toString() {
        return "GatewayRoutePrefixRewrite{" + "defaultPrefix=" + defaultPrefix + ", " + "value=" + value + "}";
    }
}
