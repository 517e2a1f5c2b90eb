package io.appmesh.operator.api.v1beta2.virtualgateway;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of VirtualGatewayListenerTLSMode; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum VirtualGatewayListenerTLSMode {
    @JsonProperty("DISABLED")
    DISABLED("DISABLED"), @JsonProperty("PERMISSIVE")
    PERMISSIVE("PERMISSIVE"), @JsonProperty("STRICT")
    STRICT("STRICT");

    private final String value;

    VirtualGatewayListenerTLSMode(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
