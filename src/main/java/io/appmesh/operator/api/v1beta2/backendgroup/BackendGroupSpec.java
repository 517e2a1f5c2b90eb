package io.appmesh.operator.api.v1beta2.backendgroup;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;

/**
 * BackendGroupSpec defines the desired state of BackendGroup
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendGroupSpec implements MeshMember {

    @JsonPropertyDescription("A reference to k8s Mesh CR that this BackendGroup belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("VirtualServices defines the set of virtual services in this BackendGroup.")
    private List<VirtualServiceReference> virtualservices;

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public List<VirtualServiceReference> getVirtualservices() {
        return virtualservices;
    }

    public void setVirtualservices(List<VirtualServiceReference> virtualservices) {
        this.virtualservices = virtualservices;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        BackendGroupSpec that = (BackendGroupSpec) o;
        return Objects.equals(meshRef, that.meshRef) && Objects.equals(virtualservices, that.virtualservices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meshRef, virtualservices);
    }

    @Override
    public String toString() {
        return "BackendGroupSpec{" + "meshRef=" + meshRef + ", " + "virtualservices=" + virtualservices + "}";
    }
}
