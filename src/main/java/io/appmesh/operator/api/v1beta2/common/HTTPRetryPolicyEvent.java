package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of HTTPRetryPolicyEvent; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum HTTPRetryPolicyEvent {
    @JsonProperty("server-error")
    SERVER_ERROR("server-error"), @JsonProperty("gateway-error")
    GATEWAY_ERROR("gateway-error"), @JsonProperty("client-error")
    CLIENT_ERROR("client-error"), @JsonProperty("stream-error")
    STREAM_ERROR("stream-error");

    private final String value;

    HTTPRetryPolicyEvent(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
