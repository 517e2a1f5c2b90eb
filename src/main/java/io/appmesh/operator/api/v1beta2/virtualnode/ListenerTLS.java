package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents the Transport Layer Security (TLS) properties for a listener.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListenerTLS {

    @JsonPropertyDescription("A reference to an object that represents a listener's TLS certificate.")
    @Required
    private ListenerTLSCertificate certificate;

    @JsonPropertyDescription("ListenerTLS mode")
    @Required
    @SchemaFrom(type = ListenerTLSMode.class)
    private String mode;

    @JsonPropertyDescription("A reference to an object that represents an SDS Trust Domain")
    private ListenerTLSValidationContext validation;

    public ListenerTLSCertificate getCertificate() {
        return certificate;
    }

    public void setCertificate(ListenerTLSCertificate certificate) {
        this.certificate = certificate;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public ListenerTLSValidationContext getValidation() {
        return validation;
    }

    public void setValidation(ListenerTLSValidationContext validation) {
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
        ListenerTLS that = (ListenerTLS) o;
        return Objects.equals(certificate, that.certificate) && Objects.equals(mode, that.mode)
                && Objects.equals(validation, that.validation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificate, mode, validation);
    }

    @Override
    public String toString() {
        return "ListenerTLS{" + "certificate=" + certificate + ", " + "mode=" + mode + ", " + "validation=" + validation + "}";
    }
}
