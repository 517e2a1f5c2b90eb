package io.appmesh.operator.api.v1beta2.common;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * Match is a required field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubjectAlternativeNameMatchers {

    @JsonPropertyDescription("Exact is a required field")
    @Required
    private List<String> exact;

    public List<String> getExact() {
        return exact;
    }

    public void setExact(List<String> exact) {
        this.exact = exact;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        SubjectAlternativeNameMatchers that = (SubjectAlternativeNameMatchers) o;
        return Objects.equals(exact, that.exact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact);
    }

    @Override
    public String toString() {
        return "SubjectAlternativeNameMatchers{" + "exact=" + exact + "}";
    }
}
