package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.fabric8.generator.annotation.Size;

/**
 * VirtualRouterSpec defines the desired state of VirtualRouter
 * refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualRouterSpec.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualRouterSpec implements AwsNamed, MeshMember {

    @JsonPropertyDescription("AWSName is the AppMesh VirtualRouter object's name.\nIf unspecified or empty, it defaults to be \"${name}_${namespace}\" of k8s VirtualRouter")
    private String awsName;

    @JsonPropertyDescription("The listeners that the virtual router is expected to receive inbound traffic from")
    @Size(min = 1)
    private List<VirtualRouterListener> listeners;

    @JsonPropertyDescription("A reference to k8s Mesh CR that this VirtualRouter belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("The routes associated with VirtualRouter")
    private List<Route> routes;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public List<VirtualRouterListener> getListeners() {
        return listeners;
    }

    public void setListeners(List<VirtualRouterListener> listeners) {
        this.listeners = listeners;
    }

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualRouterSpec that = (VirtualRouterSpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(listeners, that.listeners)
                && Objects.equals(meshRef, that.meshRef) && Objects.equals(routes, that.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, listeners, meshRef, routes);
    }

    @Override
    public String toString() {
        return "VirtualRouterSpec{" + "awsName=" + awsName + ", " + "listeners=" + listeners + ", " + "meshRef=" + meshRef
                + ", " + "routes=" + routes + "}";
    }
}
