package io.appmesh.operator.api.v1beta2.gatewayroute;

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
 * A route attached to a virtual gateway that sends matching traffic to a virtual service.
 * <p>
 * GatewayRoute is the Schema for the gatewayroutes API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("gatewayroutes")
@Singular("gatewayroute")
@Categories("all")
@AdditionalPrinterColumn(name = "ARN", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.gatewayRouteARN", getDescription = "The AppMesh GatewayRoute object's Amazon Resource Name")
@AdditionalPrinterColumn(name = "AGE", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
@PreserveUnknownFields
public class GatewayRoute extends CustomResource<GatewayRouteSpec, GatewayRouteStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("GatewayRouteSpec defines the desired state of GatewayRoute\nrefers to https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html")
    public GatewayRouteSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("GatewayRouteStatus defines the observed state of GatewayRoute")
    public GatewayRouteStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected GatewayRouteSpec initSpec() {
        return new GatewayRouteSpec();
    }

}
