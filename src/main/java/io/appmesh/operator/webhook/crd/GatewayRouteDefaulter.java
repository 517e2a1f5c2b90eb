package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteSpec;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.mesh.VirtualGatewayMembership;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * GatewayRoute defaulting on CREATE, in upstream's order: mesh designation, then virtual gateway designation (refusing
 * a user-set virtualGatewayRef), which must belong to the same mesh, then awsName {@code <name>_<namespace>}.
 */
@Singleton
public class GatewayRouteDefaulter extends MeshMemberDefaulter<GatewayRouteSpec, GatewayRoute> {

    private final VirtualGatewayMembership gatewayMembership;

    public GatewayRouteDefaulter(MeshMembership meshMembership, VirtualGatewayMembership gatewayMembership) {
        super(GatewayRoute.class, meshMembership);
        this.gatewayMembership = gatewayMembership;
    }

    @Override
    void afterMeshDesignation(GatewayRoute route, AdmissionRequest request) {
        MeshRefs.rejectUserSet(route, route.getSpec().getVirtualGatewayRef(), "spec.virtualGatewayRef");
        VirtualGateway gateway = gatewayMembership.designate(MeshRefs.namespaceOf(route, request),
                route.getMetadata().getName(), route.getMetadata().getLabels());
        if (gateway.getSpec() == null || !route.getSpec().getMeshRef().equals(gateway.getSpec().getMeshRef())) {
            throw new AdmissionDenied(
                    "virtualGateway referenced does not belong to the mesh referenced in GatewayRoute Create");
        }
        VirtualGatewayReference ref = new VirtualGatewayReference();
        ref.setNamespace(gateway.getMetadata().getNamespace());
        ref.setName(gateway.getMetadata().getName());
        ref.setUid(gateway.getMetadata().getUid());
        route.getSpec().setVirtualGatewayRef(ref);
    }
}
