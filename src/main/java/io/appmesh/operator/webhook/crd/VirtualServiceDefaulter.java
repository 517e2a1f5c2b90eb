package io.appmesh.operator.webhook.crd;

import jakarta.inject.Singleton;

import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualServiceSpec;
import io.appmesh.operator.mesh.MeshMembership;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualService defaulting on CREATE: mesh designation; awsName defaults to {@code <name>.<namespace>}, the DNS-like
 * name clients usually address.
 */
@Singleton
public class VirtualServiceDefaulter extends MeshMemberDefaulter<VirtualServiceSpec, VirtualService> {

    public VirtualServiceDefaulter(MeshMembership membership) {
        super(VirtualService.class, membership);
    }

    @Override
    String defaultAwsName(VirtualService vs, AdmissionRequest request) {
        return vs.getMetadata().getName() + "." + MeshRefs.namespaceOf(vs, request);
    }
}
