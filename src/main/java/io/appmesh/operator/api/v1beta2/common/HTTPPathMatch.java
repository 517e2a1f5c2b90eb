package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;

/**
 * Specified path of the request to be matched on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HTTPPathMatch {

    @JsonPropertyDescription("The value sent by the client must match the specified value exactly.")
    @Size(min = 1, max = 255)
    private String exact;

    @JsonPropertyDescription("The value sent by the client must end with the specified characters.")
    @Size(min = 1, max = 255)
    private String regex;

    public String getExact() {
        return exact;
    }

    public void setExact(String exact) {
        this.exact = exact;
    }

    public String getRegex() {
        return regex;
    }

    public void setRegex(String regex) {
        this.regex = regex;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HTTPPathMatch that = (HTTPPathMatch) o;
        return Objects.equals(exact, that.exact) && Objects.equals(regex, that.regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, regex);
    }

    @Override
    public String toString() {
        return "HTTPPathMatch{" + "exact=" + exact + ", " + "regex=" + regex + "}";
    }
}
