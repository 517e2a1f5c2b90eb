package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouterSpec;
import io.appmesh.operator.mesh.MeshMembership;

/** VirtualRouter defaulting on CREATE: mesh designation; awsName defaults to {@code <name>_<namespace>}. */
@Singleton
public class VirtualRouterDefaulter extends MeshMemberDefaulter<VirtualRouterSpec, VirtualRouter> {

    public VirtualRouterDefaulter(MeshMembership membership) {
        super(VirtualRouter.class, membership);
    }
}
