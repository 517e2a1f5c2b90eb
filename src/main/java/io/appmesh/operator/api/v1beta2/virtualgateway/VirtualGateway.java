package io.appmesh.operator.api.v1beta2.virtualgateway;

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
 * An Envoy deployment at the edge of the mesh that lets resources outside it reach resources inside it.
 * <p>
 * VirtualGateway is the Schema for the virtualgateways API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("virtualgateways")
@Singular("virtualgateway")
@Categories("all")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.virtualGatewayARN", getDescription = "The AppMesh VirtualGateway object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class VirtualGateway extends CustomResource<VirtualGatewaySpec, VirtualGatewayStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("VirtualGatewaySpec defines the desired state of VirtualGateway\nrefers to https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html")
    public VirtualGatewaySpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("VirtualGatewayStatus defines the observed state of VirtualGateway")
    public VirtualGatewayStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected VirtualGatewaySpec initSpec() {
        return new VirtualGatewaySpec();
    }

}
