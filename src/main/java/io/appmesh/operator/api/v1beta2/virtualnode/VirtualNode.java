package io.appmesh.operator.api.v1beta2.virtualnode;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A logical pointer to a workload (the pods its podSelector selects) and its listeners, backends and service
 * discovery.
 * <p>
 * VirtualNode is the Schema for the virtualnodes API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("virtualnodes")
@Singular("virtualnode")
@Categories("all")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.virtualNodeARN", getDescription = "The AppMesh VirtualNode object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class VirtualNode extends CustomResource<VirtualNodeSpec, VirtualNodeStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("VirtualNodeSpec defines the desired state of VirtualNode\nrefers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualNodeSpec.html")
    public VirtualNodeSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("VirtualNodeStatus defines the observed state of VirtualNode")
    public VirtualNodeStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected VirtualNodeSpec initSpec() {
        return new VirtualNodeSpec();
    }

}
