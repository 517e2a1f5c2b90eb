package io.appmesh.operator.api.v1beta2.common;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * A label selector requirement is a selector that contains values, a key, and an operator that
 * relates the key and values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LabelSelectorRequirement {

    @JsonPropertyDescription("key is the label key that the selector applies to.")
    @Required
    private String key;

    @JsonPropertyDescription("operator represents a key's relationship to a set of values.\nValid operators are In, NotIn, Exists and DoesNotExist.")
    @Required
    private String operator;

    @JsonPropertyDescription("values is an array of string values. If the operator is In or NotIn,\nthe values array must be non-empty. If the operator is Exists or DoesNotExist,\nthe values array must be empty. This array is replaced during a strategic\nmerge patch.")
    private List<String> values;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public List<String> getValues() {
        return values;
    }

    public void setValues(List<String> values) {
        this.values = values;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        LabelSelectorRequirement that = (LabelSelectorRequirement) o;
        return Objects.equals(key, that.key) && Objects.equals(operator, that.operator) && Objects.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, values);
    }

    @Override
    public String toString() {
        return "LabelSelectorRequirement{" + "key=" + key + ", " + "operator=" + operator + ", " + "values=" + values + "}";
    }
}
