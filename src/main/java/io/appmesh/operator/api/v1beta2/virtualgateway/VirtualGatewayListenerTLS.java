package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents the Transport Layer Security (TLS) properties for a listener.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLS {

    @JsonPropertyDescription("A reference to an object that represents a listener's TLS certificate.")
    @Required
    private VirtualGatewayListenerTLSCertificate certificate;

    @JsonPropertyDescription("ListenerTLS mode")
    @Required
    @SchemaFrom(type = VirtualGatewayListenerTLSMode.class)
    private String mode;

    @JsonPropertyDescription("A reference to an object that represents Validation context")
    private VirtualGatewayListenerTLSValidationContext validation;

    public VirtualGatewayListenerTLSCertificate getCertificate() {
        return certificate;
    }

    public void setCertificate(VirtualGatewayListenerTLSCertificate certificate) {
        this.certificate = certificate;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public VirtualGatewayListenerTLSValidationContext getValidation() {
        return validation;
    }

    public void setValidation(VirtualGatewayListenerTLSValidationContext validation) {
        this.validation = validation;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListenerTLS that = (VirtualGatewayListenerTLS) o;
        return Objects.equals(certificate, that.certificate) && Objects.equals(mode, that.mode)
                && Objects.equals(validation, that.validation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificate, mode, validation);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLS{" + "certificate=" + certificate + ", " + "mode=" + mode + ", " + "validation="
                + validation + "}";
    }
}
