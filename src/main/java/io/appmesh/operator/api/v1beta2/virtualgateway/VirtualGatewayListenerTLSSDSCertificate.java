package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents a TLS cert via SDS entry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLSSDSCertificate {

    @JsonPropertyDescription("The certificate trust chain for a certificate issued via SDS cluster")
    @Required
    private String secretName;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListenerTLSSDSCertificate that = (VirtualGatewayListenerTLSSDSCertificate) o;
        return Objects.equals(secretName, that.secretName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretName);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLSSDSCertificate{" + "secretName=" + secretName + "}";
    }
}
