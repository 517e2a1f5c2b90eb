package io.appmesh.operator.webhook.pod;

import java.util.Locale;
import java.util.stream.Collectors;

import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The inputs of traffic interception, shared by the init-container and the CNI mode, and the choice
 * between the two.
 */
final class TrafficInterception {

    static final int PROXY_INGRESS_PORT = 15000;
    static final int PROXY_EGRESS_PORT = 15001;
    static final int PROXY_UID = 1337;
    static final String DEFAULT_EGRESS_IGNORED_PORTS = "22";

    private TrafficInterception() {
    }

    /**
     * CNI mode: the appmeshCNI annotation says {@code enabled}; without the annotation, a Fargate pod. An explicit
     * annotation with another value turns CNI off even on Fargate.
     */
    static boolean cniMode(Pod pod) {
        var annotation = PodAnnotations.get(pod, PodAnnotations.APPMESH_CNI);
        if (annotation.isPresent()) {
            return annotation.get().toLowerCase(Locale.ROOT).equals("enabled");
        }
        var labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        String profile = labels == null ? null : labels.get(PodAnnotations.FARGATE_PROFILE_LABEL);
        return profile != null && !profile.isEmpty();
    }

    /** The ports annotation verbatim, else the VirtualNode's listener ports in spec order. */
    static String appPorts(Pod pod, InjectionContext context) {
        return PodAnnotations.get(pod, PodAnnotations.PORTS).orElseGet(() -> {
            var listeners = context.node().getSpec().getListeners();
            return listeners == null
                    ? ""
                    : listeners.stream().map(Listener::getPortMapping).map(pm -> String.valueOf(pm.getPort()))
                            .collect(Collectors.joining(","));
        });
    }

    static String egressIgnoredPorts(Pod pod) {
        return PodAnnotations.get(pod, PodAnnotations.EGRESS_IGNORED_PORTS).orElse(DEFAULT_EGRESS_IGNORED_PORTS);
    }

    static String egressIgnoredIps(Pod pod, InjectionContext context) {
        return PodAnnotations.get(pod, PodAnnotations.EGRESS_IGNORED_IPS).orElse(context.config().ignoredIps());
    }

    /** Only {@code disabled} turns IPv6 interception off. */
    static boolean ipv6(Pod pod) {
        return !PodAnnotations.get(pod, PodAnnotations.IPV6).map("disabled"::equals).orElse(false);
    }
}
