package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * Reference to Kubernetes VirtualNode CR in cluster to associate with the weighted target. Exactly one of 'virtualNodeRef' or 'virtualNodeARN' must be specified.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeReference {

    @JsonPropertyDescription("Name is the name of VirtualNode CR")
    @Required
    private String name;

    @JsonPropertyDescription("Namespace is the namespace of VirtualNode CR.\nIf unspecified, defaults to the referencing object's namespace")
    private String namespace;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualNodeReference that = (VirtualNodeReference) o;
        return Objects.equals(name, that.name) && Objects.equals(namespace, that.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace);
    }

    @Override
    public String toString() {
        return "VirtualNodeReference{" + "name=" + name + ", " + "namespace=" + namespace + "}";
    }
}
