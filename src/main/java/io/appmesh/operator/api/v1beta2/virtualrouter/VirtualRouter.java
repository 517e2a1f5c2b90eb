package io.appmesh.operator.api.v1beta2.virtualrouter;

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
 * Routes traffic for one or more virtual services to virtual nodes, by the routes it carries.
 * <p>
 * VirtualRouter is the Schema for the virtualrouters API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("virtualrouters")
@Singular("virtualrouter")
@Categories("all")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.virtualRouterARN", getDescription = "The AppMesh VirtualRouter object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class VirtualRouter extends CustomResource<VirtualRouterSpec, VirtualRouterStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("VirtualRouterSpec defines the desired state of VirtualRouter\nrefers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualRouterSpec.html")
    public VirtualRouterSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("VirtualRouterStatus defines the observed state of VirtualRouter")
    public VirtualRouterStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected VirtualRouterSpec initSpec() {
        return new VirtualRouterSpec();
    }

}
