package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * A reference to k8s Mesh CR that this BackendGroup belongs to.
 * The admission controller populates it using Meshes's selector, and prevents users from setting this field.
 *
 * Populated by the system.
 * Read-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MeshReference {

    @JsonPropertyDescription("Name is the name of Mesh CR")
    @Required
    private String name;

    @JsonPropertyDescription("UID is the UID of Mesh CR")
    @Required
    private String uid;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
        MeshReference that = (MeshReference) o;
        return Objects.equals(name, that.name) && Objects.equals(uid, that.uid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, uid);
    }

    @Override
    public String toString() {
        return "MeshReference{" + "name=" + name + ", " + "uid=" + uid + "}";
    }
}
