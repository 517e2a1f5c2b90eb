package io.appmesh.operator.api.v1beta2.virtualservice;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;

/**
 * VirtualServiceSpec defines the desired state of VirtualService
 * refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualServiceSpec.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualServiceSpec implements AwsNamed, MeshMember {

    @JsonPropertyDescription("AWSName is the AppMesh VirtualService object's name.\nIf unspecified or empty, it defaults to be \"${name}.${namespace}\" of k8s VirtualService")
    private String awsName;

    @JsonPropertyDescription("A reference to k8s Mesh CR that this VirtualService belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("The provider for virtual services. You can specify a single virtual node or virtual router.")
    private VirtualServiceProvider provider;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public VirtualServiceProvider getProvider() {
        return provider;
    }

    public void setProvider(VirtualServiceProvider provider) {
        this.provider = provider;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualServiceSpec that = (VirtualServiceSpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(meshRef, that.meshRef)
                && Objects.equals(provider, that.provider);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, meshRef, provider);
    }

    @Override
    public String toString() {
        return "VirtualServiceSpec{" + "awsName=" + awsName + ", " + "meshRef=" + meshRef + ", " + "provider=" + provider + "}";
    }
}
