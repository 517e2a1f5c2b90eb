package io.appmesh.operator.api.v1beta2.gatewayroute;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of DefaultGatewayRouteRewrite; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum DefaultGatewayRouteRewrite {
    @JsonProperty("ENABLED")
    ENABLED("ENABLED"), @JsonProperty("DISABLED")
    DISABLED("DISABLED");

    private final String value;

    DefaultGatewayRouteRewrite(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
