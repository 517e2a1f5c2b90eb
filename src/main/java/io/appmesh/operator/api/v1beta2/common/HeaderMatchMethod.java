package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;

/**
 * The HeaderMatchMethod object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HeaderMatchMethod {

    @JsonPropertyDescription("The value sent by the client must match the specified value exactly.")
    @Size(min = 1, max = 255)
    private String exact;

    @JsonPropertyDescription("The value sent by the client must begin with the specified characters.")
    @Size(min = 1, max = 255)
    private String prefix;

    @JsonPropertyDescription("An object that represents the range of values to match on.")
    private MatchRange range;

    @JsonPropertyDescription("The value sent by the client must include the specified characters.")
    @Size(min = 1, max = 255)
    private String regex;

    @JsonPropertyDescription("The value sent by the client must end with the specified characters.")
    @Size(min = 1, max = 255)
    private String suffix;

    public String getExact() {
        return exact;
    }

    public void setExact(String exact) {
        this.exact = exact;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public MatchRange getRange() {
        return range;
    }

    public void setRange(MatchRange range) {
        this.range = range;
    }

    public String getRegex() {
        return regex;
    }

    public void setRegex(String regex) {
        this.regex = regex;
    }

    public String getSuffix() {
        return suffix;
    }

    public void setSuffix(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        HeaderMatchMethod that = (HeaderMatchMethod) o;
        return Objects.equals(exact, that.exact) && Objects.equals(prefix, that.prefix) && Objects.equals(range, that.range)
                && Objects.equals(regex, that.regex) && Objects.equals(suffix, that.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, prefix, range, regex, suffix);
    }

    @Override
    public String toString() {
        return "HeaderMatchMethod{" + "exact=" + exact + ", " + "prefix=" + prefix + ", " + "range=" + range + ", " + "regex="
                + regex + ", " + "suffix=" + suffix + "}";
    }
}
