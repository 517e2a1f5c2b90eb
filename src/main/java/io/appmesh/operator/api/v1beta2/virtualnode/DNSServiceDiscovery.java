package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;

/**
 * Specifies the DNS information for the virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DNSServiceDiscovery {

    @JsonPropertyDescription("Specifies the DNS service discovery hostname for the virtual node.")
    @Required
    private String hostname;

    @JsonPropertyDescription("Choose between ENDPOINTS (strict DNS) and LOADBALANCER (logical DNS) mode in Envoy sidecar")
    @SchemaFrom(type = DNSServiceDiscoveryResponseType.class)
    private String responseType;

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getResponseType() {
        return responseType;
    }

    public void setResponseType(String responseType) {
        this.responseType = responseType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        DNSServiceDiscovery that = (DNSServiceDiscovery) o;
        return Objects.equals(hostname, that.hostname) && Objects.equals(responseType, that.responseType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, responseType);
    }

    @Override
    public String toString() {
        return "DNSServiceDiscovery{" + "hostname=" + hostname + ", " + "responseType=" + responseType + "}";
    }
}
