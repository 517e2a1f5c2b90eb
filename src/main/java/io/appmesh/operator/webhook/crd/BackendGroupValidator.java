package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/** BackendGroup validation: meshRef is immutable. */
@ApplicationScoped
public class BackendGroupValidator implements Validator<BackendGroup> {

    @Override
    public Class<BackendGroup> type() {
        return BackendGroup.class;
    }

    @Override
    public void validateUpdate(BackendGroup bg, BackendGroup old, AdmissionRequest request) {
        Immutability.ofMember("BackendGroup", bg.getSpec(), old.getSpec()).enforce();
    }
}
