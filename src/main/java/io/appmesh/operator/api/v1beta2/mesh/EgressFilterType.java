package io.appmesh.operator.api.v1beta2.mesh;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of EgressFilterType; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum EgressFilterType {
    @JsonProperty("ALLOW_ALL")
    ALLOW_ALL("ALLOW_ALL"), @JsonProperty("DROP_ALL")
    DROP_ALL("DROP_ALL");

    private final String value;

    EgressFilterType(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
