package io.appmesh.operator.webhook.pod;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodReadinessGate;

/**
 * A VirtualNode discovered through Cloud Map makes its pods wait for the operator's Cloud Map health condition
 * before they count as ready.
 */
final class CloudMapReadinessGate implements PodMutation {

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        var discovery = context.node().getSpec().getServiceDiscovery();
        if (discovery == null || discovery.getAwsCloudMap() == null) {
            return;
        }
        boolean present = pod.getSpec().getReadinessGates().stream()
                .anyMatch(g -> AppMeshApi.CLOUDMAP_READINESS_CONDITION.equals(g.getConditionType()));
        if (!present) {
            pod.getSpec().getReadinessGates().add(new PodReadinessGate(AppMeshApi.CLOUDMAP_READINESS_CONDITION));
        }
    }
}
