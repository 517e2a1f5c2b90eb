package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * AWSCloudMapInstanceAttribute refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_AwsCloudMapInstanceAttribute.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AWSCloudMapInstanceAttribute {

    @JsonPropertyDescription("The name of an AWS Cloud Map service instance attribute key.")
    @Required
    @Size(min = 1, max = 255)
    private String key;

    @JsonPropertyDescription("The value of an AWS Cloud Map service instance attribute key.")
    @Required
    @Size(min = 1, max = 1024)
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
        AWSCloudMapInstanceAttribute that = (AWSCloudMapInstanceAttribute) o;
        return Objects.equals(key, that.key) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return "AWSCloudMapInstanceAttribute{" + "key=" + key + ", " + "value=" + value + "}";
    }
}
