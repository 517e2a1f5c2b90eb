package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * The base time that a host is ejected for. The real time is equal to the base time multiplied by the number of times the host has been ejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Duration {

    @JsonPropertyDescription("A unit of time.")
    @Required
    @SchemaFrom(type = DurationUnit.class)
    private String unit;

    @JsonPropertyDescription("A number of time units.")
    @Required
    @Min(0)
    private Long value;

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Long getValue() {
        return value;
    }

    public void setValue(Long value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Duration that = (Duration) o;
        return Objects.equals(unit, that.unit) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, value);
    }

    @Override
    public String toString() {
        return "Duration{" + "unit=" + unit + ", " + "value=" + value + "}";
    }
}
