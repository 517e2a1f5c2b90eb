package io.appmesh.operator.api.v1beta2.mesh;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;

/**
 * MeshSpec defines the desired state of Mesh
 * refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_MeshSpec.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MeshSpec implements AwsNamed {

    @JsonPropertyDescription("AWSName is the AppMesh Mesh object's name.\nIf unspecified or empty, it defaults to be \"${name}\" of k8s Mesh")
    private String awsName;

    @JsonPropertyDescription("The egress filter rules for the service mesh.\nIf unspecified, default settings from AWS API will be applied. Refer to AWS Docs for default settings.")
    private EgressFilter egressFilter;

    @JsonPropertyDescription("The AWS IAM account ID of the service mesh owner.\nRequired if the account ID is not your own.")
    private String meshOwner;

    private MeshServiceDiscovery meshServiceDiscovery;

    @JsonPropertyDescription("NamespaceSelector selects Namespaces using labels to designate mesh membership.\nThis field follows standard label selector semantics:\n\tif present but empty, it selects all namespaces.\n\tif absent, it selects no namespace.")
    private LabelSelector namespaceSelector;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public EgressFilter getEgressFilter() {
        return egressFilter;
    }

    public void setEgressFilter(EgressFilter egressFilter) {
        this.egressFilter = egressFilter;
    }

    public String getMeshOwner() {
        return meshOwner;
    }

    public void setMeshOwner(String meshOwner) {
        this.meshOwner = meshOwner;
    }

    public MeshServiceDiscovery getMeshServiceDiscovery() {
        return meshServiceDiscovery;
    }

    public void setMeshServiceDiscovery(MeshServiceDiscovery meshServiceDiscovery) {
        this.meshServiceDiscovery = meshServiceDiscovery;
    }

    public LabelSelector getNamespaceSelector() {
        return namespaceSelector;
    }

    public void setNamespaceSelector(LabelSelector namespaceSelector) {
        this.namespaceSelector = namespaceSelector;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        MeshSpec that = (MeshSpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(egressFilter, that.egressFilter)
                && Objects.equals(meshOwner, that.meshOwner) && Objects.equals(meshServiceDiscovery, that.meshServiceDiscovery)
                && Objects.equals(namespaceSelector, that.namespaceSelector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, egressFilter, meshOwner, meshServiceDiscovery, namespaceSelector);
    }

    @Override
    public String toString() {
        return "MeshSpec{" + "awsName=" + awsName + ", " + "egressFilter=" + egressFilter + ", " + "meshOwner=" + meshOwner
                + ", " + "meshServiceDiscovery=" + meshServiceDiscovery + ", " + "namespaceSelector=" + namespaceSelector + "}";
    }
}
