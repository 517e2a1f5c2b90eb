package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of HTTPMethod; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum HTTPMethod {
    @JsonProperty("CONNECT")
    CONNECT("CONNECT"), @JsonProperty("DELETE")
    DELETE("DELETE"), @JsonProperty("GET")
    GET("GET"), @JsonProperty("HEAD")
    HEAD("HEAD"), @JsonProperty("OPTIONS")
    OPTIONS("OPTIONS"), @JsonProperty("PATCH")
    PATCH("PATCH"), @JsonProperty("POST")
    POST("POST"), @JsonProperty("PUT")
    PUT("PUT"), @JsonProperty("TRACE")
    TRACE("TRACE");

    private final String value;

    HTTPMethod(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
