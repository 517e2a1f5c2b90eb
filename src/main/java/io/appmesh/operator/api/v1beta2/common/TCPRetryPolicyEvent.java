package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of TCPRetryPolicyEvent; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum TCPRetryPolicyEvent {
    @JsonProperty("connection-error")
    CONNECTION_ERROR("connection-error");

    private final String value;

    TCPRetryPolicyEvent(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
