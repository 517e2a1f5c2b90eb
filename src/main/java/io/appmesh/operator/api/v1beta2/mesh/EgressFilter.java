package io.appmesh.operator.api.v1beta2.mesh;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;

/**
 * The egress filter rules for the service mesh.
 * If unspecified, default settings from AWS API will be applied. Refer to AWS Docs for default settings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EgressFilter {

    @JsonPropertyDescription("The egress filter type.")
    @Required
    @SchemaFrom(type = EgressFilterType.class)
    private String type;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        EgressFilter that = (EgressFilter) o;
        return Objects.equals(type, that.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type);
    }

    @Override
    public String toString() {
        return "EgressFilter{" + "type=" + type + "}";
    }
}
