package io.appmesh.operator.api.v1beta2.mesh;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A service mesh: the logical boundary for network traffic between the services that reside within it. Cluster-scoped;
 * its namespaceSelector designates the namespaces whose App Mesh objects belong to it.
 * <p>
 * Mesh is the Schema for the meshes API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("meshes")
@Singular("mesh")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.meshARN", getDescription = "The AppMesh Mesh object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class Mesh extends CustomResource<MeshSpec, MeshStatus> {

    @Override
    @JsonPropertyDescription("MeshSpec defines the desired state of Mesh\nrefers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_MeshSpec.html")
    public MeshSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("MeshStatus defines the observed state of Mesh")
    public MeshStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected MeshSpec initSpec() {
        return new MeshSpec();
    }

}
