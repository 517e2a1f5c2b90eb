package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.SubjectAlternativeNames;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to an object that represents an SDS Trust Domain
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListenerTLSValidationContext {

    @JsonPropertyDescription("Possible alternative names to consider")
    private SubjectAlternativeNames subjectAlternativeNames;

    @Required
    private ListenerTLSValidationContextTrust trust;

    public SubjectAlternativeNames getSubjectAlternativeNames() {
        return subjectAlternativeNames;
    }

    public void setSubjectAlternativeNames(SubjectAlternativeNames subjectAlternativeNames) {
        this.subjectAlternativeNames = subjectAlternativeNames;
    }

    public ListenerTLSValidationContextTrust getTrust() {
        return trust;
    }

    public void setTrust(ListenerTLSValidationContextTrust trust) {
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
        ListenerTLSValidationContext that = (ListenerTLSValidationContext) o;
        return Objects.equals(subjectAlternativeNames, that.subjectAlternativeNames) && Objects.equals(trust, that.trust);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subjectAlternativeNames, trust);
    }

    @Override
    public String toString() {
        return "ListenerTLSValidationContext{" + "subjectAlternativeNames=" + subjectAlternativeNames + ", " + "trust=" + trust
                + "}";
    }
}
