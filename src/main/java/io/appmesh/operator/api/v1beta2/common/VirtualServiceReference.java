package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * VirtualServiceReference holds a reference to VirtualService.appmesh.k8s.aws
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualServiceReference {

    @JsonPropertyDescription("Name is the name of VirtualService CR")
    @Required
    private String name;

    @JsonPropertyDescription("Namespace is the namespace of VirtualService CR.\nIf unspecified, defaults to the referencing object's namespace")
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
        VirtualServiceReference that = (VirtualServiceReference) o;
        return Objects.equals(name, that.name) && Objects.equals(namespace, that.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace);
    }

    @Override
    public String toString() {
        return "VirtualServiceReference{" + "name=" + name + ", " + "namespace=" + namespace + "}";
    }
}
