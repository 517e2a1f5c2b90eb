package io.appmesh.operator.api.v1beta2.virtualservice;

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
 * An abstraction of a real service, provided by a virtual node or a virtual router; clients address it by its
 * awsName.
 * <p>
 * VirtualService is the Schema for the virtualservices API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("virtualservices")
@Singular("virtualservice")
@Categories("all")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.virtualServiceARN", getDescription = "The AppMesh VirtualService object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class VirtualService extends CustomResource<VirtualServiceSpec, VirtualServiceStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("VirtualServiceSpec defines the desired state of VirtualService\nrefers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualServiceSpec.html")
    public VirtualServiceSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("VirtualServiceStatus defines the observed state of VirtualService")
    public VirtualServiceStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected VirtualServiceSpec initSpec() {
        return new VirtualServiceSpec();
    }

}
