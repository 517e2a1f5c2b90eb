package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * JSONKeyValue is part of the appmesh.k8s.aws/v1beta2 API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JSONKeyValue {

    @JsonPropertyDescription("The name of the field in the JSON object")
    @Required
    @Size(min = 1)
    private String key;

    @JsonPropertyDescription("The format string")
    @Required
    @Size(min = 1)
    private String value;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
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
        JSONKeyValue that = (JSONKeyValue) o;
        return Objects.equals(key, that.key) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return "JSONKeyValue{" + "key=" + key + ", " + "value=" + value + "}";
    }
}
