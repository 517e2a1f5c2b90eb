package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * BackendGroupReference holds a reference to BackendGroup.appmesh.k8s.aws
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendGroupReference {

    @JsonPropertyDescription("Name is the name of BackendGroup CR")
    @Required
    private String name;

    @JsonPropertyDescription("Namespace is the namespace of BackendGroup CR.\nIf unspecified, defaults to the referencing object's namespace")
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
        BackendGroupReference that = (BackendGroupReference) o;
        return Objects.equals(name, that.name) && Objects.equals(namespace, that.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace);
    }

    @Override
    public String toString() {
        return "BackendGroupReference{" + "name=" + name + ", " + "namespace=" + namespace + "}";
    }
}
