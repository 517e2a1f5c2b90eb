package io.appmesh.operator.webhook.pod;

import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * In CNI mode (App Mesh CNI plugin, Fargate) the redirection is described to the CNI plugin with pod annotations
 * instead of an init container. Existing annotations are never overwritten. The IPv6 setting is not conveyed, as
 * upstream.
 */
final class CniAnnotations implements PodMutation {

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        if (!TrafficInterception.cniMode(pod)) {
            return;
        }
        Map<String, String> annotations = pod.getMetadata().getAnnotations() == null
                ? new HashMap<>()
                : pod.getMetadata().getAnnotations();
        annotations.putIfAbsent(PodAnnotations.PORTS, TrafficInterception.appPorts(pod, context));
        annotations.putIfAbsent(PodAnnotations.EGRESS_IGNORED_IPS, TrafficInterception.egressIgnoredIps(pod, context));
        annotations.putIfAbsent(PodAnnotations.EGRESS_IGNORED_PORTS, TrafficInterception.egressIgnoredPorts(pod));
        annotations.putIfAbsent(PodAnnotations.PROXY_EGRESS_PORT, Integer.toString(TrafficInterception.PROXY_EGRESS_PORT));
        annotations.putIfAbsent(PodAnnotations.PROXY_INGRESS_PORT, Integer.toString(TrafficInterception.PROXY_INGRESS_PORT));
        annotations.putIfAbsent(PodAnnotations.IGNORED_UID, Integer.toString(TrafficInterception.PROXY_UID));
        annotations.putIfAbsent(PodAnnotations.SIDECAR_INJECTOR_WEBHOOK, "enabled");
        pod.getMetadata().setAnnotations(annotations);
    }
}
