package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of HTTPScheme; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum HTTPScheme {
    @JsonProperty("http")
    HTTP("http"), @JsonProperty("https")
    HTTPS("https");

    private final String value;

    HTTPScheme(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
