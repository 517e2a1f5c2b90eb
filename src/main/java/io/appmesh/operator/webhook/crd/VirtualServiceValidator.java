package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/** VirtualService validation: awsName and meshRef are immutable. */
@ApplicationScoped
public class VirtualServiceValidator implements Validator<VirtualService> {

    @Override
    public Class<VirtualService> type() {
        return VirtualService.class;
    }

    @Override
    public void validateUpdate(VirtualService vs, VirtualService old, AdmissionRequest request) {
        Immutability.ofMember("VirtualService", vs.getSpec(), old.getSpec()).enforce();
    }
}
