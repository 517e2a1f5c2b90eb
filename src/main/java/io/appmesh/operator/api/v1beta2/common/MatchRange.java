package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * An object that represents the range of values to match on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MatchRange {

    @JsonPropertyDescription("The end of the range.")
    @Required
    private Long end;

    @JsonPropertyDescription("The start of the range.")
    @Required
    private Long start;

    public Long getEnd() {
        return end;
    }

    public void setEnd(Long end) {
        this.end = end;
    }

    public Long getStart() {
        return start;
    }

    public void setStart(Long start) {
        this.start = start;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        MatchRange that = (MatchRange) o;
        return Objects.equals(end, that.end) && Objects.equals(start, that.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(end, start);
    }

    @Override
    public String toString() {
        return "MatchRange{" + "end=" + end + ", " + "start=" + start + "}";
    }
}
