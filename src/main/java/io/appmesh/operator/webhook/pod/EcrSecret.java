package io.appmesh.operator.webhook.pod;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;

/** With enable-ecr-secret, the image pull secret for the App Mesh images in ECR. */
final class EcrSecret implements PodMutation {

    static final String NAME = "appmesh-ecr-secret";

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        if (!context.config().enableEcrSecret()) {
            return;
        }
        if (pod.getSpec().getImagePullSecrets().stream().noneMatch(s -> NAME.equals(s.getName()))) {
            pod.getSpec().getImagePullSecrets().add(new LocalObjectReference(NAME));
        }
    }
}
