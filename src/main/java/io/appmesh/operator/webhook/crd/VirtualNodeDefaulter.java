package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeSpec;
import io.appmesh.operator.mesh.MeshMembership;

/** VirtualNode defaulting on CREATE: mesh designation; awsName defaults to {@code <name>_<namespace>}. */
@Singleton
public class VirtualNodeDefaulter extends MeshMemberDefaulter<VirtualNodeSpec, VirtualNode> {

    public VirtualNodeDefaulter(MeshMembership membership) {
        super(VirtualNode.class, membership);
    }
}
