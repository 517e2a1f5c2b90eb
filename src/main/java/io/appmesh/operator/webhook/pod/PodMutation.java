package io.appmesh.operator.webhook.pod;

import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.Pod;

/** One concern of sidecar injection, applied to the pod in place. Mutations run in the order SidecarInjector lists. */
public interface PodMutation {

    /** @throws AdmissionDenied when the pod or the settings make the concern impossible */
    void mutate(Pod pod, InjectionContext context);
}
