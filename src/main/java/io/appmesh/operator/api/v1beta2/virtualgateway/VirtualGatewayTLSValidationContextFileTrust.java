package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents a TLS validation context trust for a local file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayTLSValidationContextFileTrust {

    @JsonPropertyDescription("The certificate trust chain for a certificate stored on the file system of the virtual Gateway.")
    @Required
    @Size(min = 1, max = 255)
    private String certificateChain;

    public String getCertificateChain() {
        return certificateChain;
    }

    public void setCertificateChain(String certificateChain) {
        this.certificateChain = certificateChain;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayTLSValidationContextFileTrust that = (VirtualGatewayTLSValidationContextFileTrust) o;
        return Objects.equals(certificateChain, that.certificateChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateChain);
    }

    @Override
    public String toString() {
        return "VirtualGatewayTLSValidationContextFileTrust{" + "certificateChain=" + certificateChain + "}";
    }
}
