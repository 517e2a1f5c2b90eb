package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents an AWS Certificate Manager (ACM) certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLSACMCertificate {

    @JsonPropertyDescription("The Amazon Resource Name (ARN) for the certificate.")
    @Required
    private String certificateARN;

    public String getCertificateARN() {
        return certificateARN;
    }

    public void setCertificateARN(String certificateARN) {
        this.certificateARN = certificateARN;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListenerTLSACMCertificate that = (VirtualGatewayListenerTLSACMCertificate) o;
        return Objects.equals(certificateARN, that.certificateARN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateARN);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLSACMCertificate{" + "certificateARN=" + certificateARN + "}";
    }
}
