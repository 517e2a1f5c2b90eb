package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * Possible alternative names to consider
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubjectAlternativeNames {

    @JsonPropertyDescription("Match is a required field")
    @Required
    private SubjectAlternativeNameMatchers match;

    public SubjectAlternativeNameMatchers getMatch() {
        return match;
    }

    public void setMatch(SubjectAlternativeNameMatchers match) {
        this.match = match;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        SubjectAlternativeNames that = (SubjectAlternativeNames) o;
        return Objects.equals(match, that.match);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match);
    }

    @Override
    public String toString() {
        return "SubjectAlternativeNames{" + "match=" + match + "}";
    }
}
