package io.appmesh.operator.api.v1beta2.virtualnode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Allowed values of DNSServiceDiscoveryResponseType; the CRD schema takes its enum from here while the model keeps plain strings, so that a
 * value outside the set reaches admission as written instead of failing to decode.
 */
public enum DNSServiceDiscoveryResponseType {
    @JsonProperty("ENDPOINTS")
    ENDPOINTS("ENDPOINTS"), @JsonProperty("LOADBALANCER")
    LOADBALANCER("LOADBALANCER");

    private final String value;

    DNSServiceDiscoveryResponseType(String value) {
        this.value = value;
    }

    /** The value as written in manifests. */
    public String value() {
        return value;
    }
}
