package io.appmesh.operator.api.v1beta2.mesh;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of IpPreference; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum IpPreference {
    @JsonProperty("IPv6_ONLY")
    IPV6_ONLY("IPv6_ONLY"), @JsonProperty("IPv4_ONLY")
    IPV4_ONLY("IPv4_ONLY");

    private final String value;

    IpPreference(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
