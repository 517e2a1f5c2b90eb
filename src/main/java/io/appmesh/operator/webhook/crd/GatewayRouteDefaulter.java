package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.mesh.VirtualGatewayMembership;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * GatewayRoute defaulting on CREATE, in upstream's order: mesh designation (refusing a user-set meshRef), then virtual
 * gateway designation (refusing a user-set virtualGatewayRef), which must belong to the same mesh, then awsName
 * {@code <name>_<namespace>}.
 */
@ApplicationScoped
public class GatewayRouteDefaulter implements Defaulter<GatewayRoute> {

    private final MeshMembership meshMembership;
    private final VirtualGatewayMembership gatewayMembership;

    public GatewayRouteDefaulter(MeshMembership meshMembership, VirtualGatewayMembership gatewayMembership) {
        this.meshMembership = meshMembership;
        this.gatewayMembership = gatewayMembership;
    }

    @Override
    public Class<GatewayRoute> type() {
        return GatewayRoute.class;
    }

    @Override
    public void mutateCreate(GatewayRoute route, AdmissionRequest request) {
        MeshReference meshRef = MeshRefs.designate(meshMembership, route, route.getSpec().getMeshRef(), request);
        route.getSpec().setMeshRef(meshRef);
        MeshRefs.rejectUserSet(route, route.getSpec().getVirtualGatewayRef(), "spec.virtualGatewayRef");
        VirtualGateway gateway = gatewayMembership.designate(MeshRefs.namespaceOf(route, request),
                route.getMetadata().getName(), route.getMetadata().getLabels());
        if (gateway.getSpec() == null || !meshRef.equals(gateway.getSpec().getMeshRef())) {
            throw new AdmissionDenied(
                    "virtualGateway referenced does not belong to the mesh referenced in GatewayRoute Create");
        }
        VirtualGatewayReference vgRef = new VirtualGatewayReference();
        vgRef.setNamespace(gateway.getMetadata().getNamespace());
        vgRef.setName(gateway.getMetadata().getName());
        vgRef.setUid(gateway.getMetadata().getUid());
        route.getSpec().setVirtualGatewayRef(vgRef);
        if (MeshRefs.isNullOrEmpty(route.getSpec().getAwsName())) {
            route.getSpec().setAwsName(MeshRefs.underscored(route, request));
        }
    }
}
