package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents a Transport Layer Security (TLS) client policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientPolicyTLS {

    @JsonPropertyDescription("A reference to an object that represents TLS certificate.")
    private ClientTLSCertificate certificate;

    @JsonPropertyDescription("Whether the policy is enforced.\nIf unspecified, default settings from AWS API will be applied. Refer to AWS Docs for default settings.")
    private Boolean enforce;

    @JsonPropertyDescription("The range of ports that the policy is enforced for.")
    private List<@Min(1) @Max(65535) Long> ports;

    @JsonPropertyDescription("A reference to an object that represents a TLS validation context.")
    @Required
    private TLSValidationContext validation;

    public ClientTLSCertificate getCertificate() {
        return certificate;
    }

    public void setCertificate(ClientTLSCertificate certificate) {
        this.certificate = certificate;
    }

    public Boolean getEnforce() {
        return enforce;
    }

    public void setEnforce(Boolean enforce) {
        this.enforce = enforce;
    }

    public List<@Min(1) @Max(65535) Long> getPorts() {
        return ports;
    }

    public void setPorts(List<@Min(1) @Max(65535) Long> ports) {
        this.ports = ports;
    }

    public TLSValidationContext getValidation() {
        return validation;
    }

    public void setValidation(TLSValidationContext validation) {
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
        ClientPolicyTLS that = (ClientPolicyTLS) o;
        return Objects.equals(certificate, that.certificate) && Objects.equals(enforce, that.enforce)
                && Objects.equals(ports, that.ports) && Objects.equals(validation, that.validation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificate, enforce, ports, validation);
    }

    @Override
    public String toString() {
        return "ClientPolicyTLS{" + "certificate=" + certificate + ", " + "enforce=" + enforce + ", " + "ports=" + ports + ", "
                + "validation=" + validation + "}";
    }
}
