package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * An object that represents a TLS cert via a local file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLSFileCertificate {

    @JsonPropertyDescription("The certificate chain for the certificate.")
    @Required
    @Size(min = 1, max = 255)
    private String certificateChain;

    @JsonPropertyDescription("The private key for a certificate stored on the file system of the virtual Gateway.")
    @Required
    @Size(min = 1, max = 255)
    private String privateKey;

    public String getCertificateChain() {
        return certificateChain;
    }

    public void setCertificateChain(String certificateChain) {
        this.certificateChain = certificateChain;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListenerTLSFileCertificate that = (VirtualGatewayListenerTLSFileCertificate) o;
        return Objects.equals(certificateChain, that.certificateChain) && Objects.equals(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateChain, privateKey);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLSFileCertificate{" + "certificateChain=" + certificateChain + ", " + "privateKey="
                + privateKey + "}";
    }
}
