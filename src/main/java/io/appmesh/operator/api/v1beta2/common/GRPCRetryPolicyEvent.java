package io.appmesh.operator.api.v1beta2.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of GRPCRetryPolicyEvent; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum GRPCRetryPolicyEvent {
    @JsonProperty("cancelled")
    CANCELLED("cancelled"), @JsonProperty("deadline-exceeded")
    DEADLINE_EXCEEDED("deadline-exceeded"), @JsonProperty("internal")
    INTERNAL("internal"), @JsonProperty("resource-exhausted")
    RESOURCE_EXHAUSTED("resource-exhausted"), @JsonProperty("unavailable")
    UNAVAILABLE("unavailable");

    private final String value;

    GRPCRetryPolicyEvent(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
