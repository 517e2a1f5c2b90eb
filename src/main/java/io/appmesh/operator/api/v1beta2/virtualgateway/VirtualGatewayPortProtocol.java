package io.appmesh.operator.api.v1beta2.virtualgateway;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of VirtualGatewayPortProtocol; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum VirtualGatewayPortProtocol {
    @JsonProperty("grpc")
    GRPC("grpc"), @JsonProperty("http")
    HTTP("http"), @JsonProperty("http2")
    HTTP2("http2");

    private final String value;

    VirtualGatewayPortProtocol(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
