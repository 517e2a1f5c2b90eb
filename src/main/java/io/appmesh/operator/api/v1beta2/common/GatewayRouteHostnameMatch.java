package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;

/**
 * The client specified Hostname to match on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteHostnameMatch {

    @JsonPropertyDescription("The value sent by the client must match the specified value exactly.")
    @Size(min = 1, max = 253)
    private String exact;

    @JsonPropertyDescription("The value sent by the client must end with the specified characters.")
    @Size(min = 1, max = 253)
    private String suffix;

    public String getExact() {
        return exact;
    }

    public void setExact(String exact) {
        this.exact = exact;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteHostnameMatch that = (GatewayRouteHostnameMatch) o;
        return Objects.equals(exact, that.exact) && Objects.equals(suffix, that.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, suffix);
    }

    @Override
    public String toString() {
        return "GatewayRouteHostnameMatch{" + "exact=" + exact + ", " + "suffix=" + suffix + "}";
    }
}
