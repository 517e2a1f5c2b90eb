package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * A reference to k8s VirtualGateway CR that this GatewayRoute belongs to.
 * The admission controller populates it using VirtualGateway's selector, and prevents users from setting this field.
 *
 * Populated by the system.
 * Read-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayReference {

    @JsonPropertyDescription("Name is the name of VirtualGateway CR")
    @Required
    private String name;

    @JsonPropertyDescription("Namespace is the namespace of VirtualGateway CR.\nIf unspecified, defaults to the referencing object's namespace")
    private String namespace;

    @JsonPropertyDescription("UID is the UID of VirtualGateway CR")
    @Required
    private String uid;

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

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayReference that = (VirtualGatewayReference) o;
        return Objects.equals(name, that.name) && Objects.equals(namespace, that.namespace) && Objects.equals(uid, that.uid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, uid);
    }

    @Override
    public String toString() {
        return "VirtualGatewayReference{" + "name=" + name + ", " + "namespace=" + namespace + ", " + "uid=" + uid + "}";
    }
}
