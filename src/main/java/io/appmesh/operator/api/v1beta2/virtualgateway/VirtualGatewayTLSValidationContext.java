package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.SubjectAlternativeNames;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents a TLS validation context.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayTLSValidationContext {

    @JsonPropertyDescription("Possible alternative names to consider")
    private SubjectAlternativeNames subjectAlternativeNames;

    @JsonPropertyDescription("A reference to an object that represents a TLS validation context trust")
    @Required
    private VirtualGatewayTLSValidationContextTrust trust;

    public SubjectAlternativeNames getSubjectAlternativeNames() {
        return subjectAlternativeNames;
    }

    public void setSubjectAlternativeNames(SubjectAlternativeNames subjectAlternativeNames) {
        this.subjectAlternativeNames = subjectAlternativeNames;
    }

    public VirtualGatewayTLSValidationContextTrust getTrust() {
        return trust;
    }

    public void setTrust(VirtualGatewayTLSValidationContextTrust trust) {
        this.trust = trust;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayTLSValidationContext that = (VirtualGatewayTLSValidationContext) o;
        return Objects.equals(subjectAlternativeNames, that.subjectAlternativeNames) && Objects.equals(trust, that.trust);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subjectAlternativeNames, trust);
    }

    @Override
    public String toString() {
        return "VirtualGatewayTLSValidationContext{" + "subjectAlternativeNames=" + subjectAlternativeNames + ", " + "trust="
                + trust + "}";
    }
}
