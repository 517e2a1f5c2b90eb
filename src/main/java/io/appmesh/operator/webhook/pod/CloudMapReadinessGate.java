package io.appmesh.operator.webhook.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodReadinessGate;

/**
 * A VirtualNode discovered through Cloud Map makes its pods wait for the operator's Cloud Map health condition
 * before they count as ready.
 */
final class CloudMapReadinessGate implements PodMutation {

    static final String CONDITION = "conditions.appmesh.k8s.aws/aws-cloudmap-healthy";

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        var discovery = context.node().getSpec().getServiceDiscovery();
        if (discovery == null || discovery.getAwsCloudMap() == null) {
            return;
        }
        boolean present = pod.getSpec().getReadinessGates().stream().anyMatch(g -> CONDITION.equals(g.getConditionType()));
        if (!present) {
            pod.getSpec().getReadinessGates().add(new PodReadinessGate(CONDITION));
        }
    }
}
