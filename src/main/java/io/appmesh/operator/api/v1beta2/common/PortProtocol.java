package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of PortProtocol; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum PortProtocol {
    @JsonProperty("grpc")
    GRPC("grpc"), @JsonProperty("http")
    HTTP("http"), @JsonProperty("http2")
    HTTP2("http2"), @JsonProperty("tcp")
    TCP("tcp");

    private final String value;

    PortProtocol(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
