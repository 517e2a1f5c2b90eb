package io.appmesh.operator.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Upstream's classification of a VirtualNode's pods into registry endpoints: pods being deleted or without an IP are
 * left out, and so are not-ready pods that will never run again (restart policy {@code Never} and phase
 * Failed/Succeeded, or {@code OnFailure} and Succeeded); every other pod is an endpoint, ready or not, with the region
 * and zone of its Kubernetes node. Pure apart from the node-label lookup it is given.
 */
public final class PodEndpoints {

    private PodEndpoints() {
    }

    /**
     * @param nodeLabels the labels of a Kubernetes node by name (empty when unknown; upstream ignores look-up errors)
     */
    public static List<Endpoint> of(List<Pod> pods, Function<String, Map<String, String>> nodeLabels) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Pod pod : pods) {
            String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            if (pod.getMetadata().getDeletionTimestamp() != null || ip == null || ip.isEmpty()) {
                continue;
            }
            boolean ready = containersReady(pod);
            String phase = pod.getStatus().getPhase();
            String restart = pod.getSpec() == null ? "Always" : pod.getSpec().getRestartPolicy();
            if (!ready && ("Never".equals(restart) && ("Failed".equals(phase) || "Succeeded".equals(phase))
                    || "OnFailure".equals(restart) && "Succeeded".equals(phase))) {
                continue;
            }
            Map<String, String> labels = pod.getSpec() == null || pod.getSpec().getNodeName() == null
                    ? Map.of()
                    : nodeLabels.apply(pod.getSpec().getNodeName());
            String region = labels.getOrDefault("topology.kubernetes.io/region",
                    labels.get("failure-domain.beta.kubernetes.io/region"));
            String zone = labels.getOrDefault("topology.kubernetes.io/zone",
                    labels.get("failure-domain.beta.kubernetes.io/zone"));
            endpoints.add(new Endpoint(ip, pod.getMetadata().getName(), pod.getMetadata().getNamespace(),
                    Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of()), ready, region, zone));
        }
        return endpoints;
    }

    /** Whether the kubelet reports the pod's containers ready ({@code ContainersReady=True}). */
    public static boolean containersReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "ContainersReady".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
