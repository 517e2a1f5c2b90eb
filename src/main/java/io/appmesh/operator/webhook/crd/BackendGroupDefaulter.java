package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroupSpec;
import io.appmesh.operator.mesh.MeshMembership;

/** BackendGroup defaulting on CREATE: mesh designation; A BackendGroup has no App Mesh object, hence no awsName. */
@Singleton
public class BackendGroupDefaulter extends MeshMemberDefaulter<BackendGroupSpec, BackendGroup> {

    public BackendGroupDefaulter(MeshMembership membership) {
        super(BackendGroup.class, membership);
    }
}
