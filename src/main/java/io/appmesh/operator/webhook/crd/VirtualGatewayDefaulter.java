package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewaySpec;
import io.appmesh.operator.mesh.MeshMembership;

/** VirtualGateway defaulting on CREATE: mesh designation; awsName defaults to {@code <name>_<namespace>}. */
@Singleton
public class VirtualGatewayDefaulter extends MeshMemberDefaulter<VirtualGatewaySpec, VirtualGateway> {

    public VirtualGatewayDefaulter(MeshMembership membership) {
        super(VirtualGateway.class, membership);
    }
}
