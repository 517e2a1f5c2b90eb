package io.appmesh.operator.webhook.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The {@code proxyinit} init container that installs the iptables redirection to envoy (inbound app ports → 15000,
 * outbound → 15001, except envoy's own uid 1337 and the ignored ports and IPs). Appended after the pod's init
 * containers; skipped in CNI mode and when the pod already has one.
 */
final class ProxyInit implements PodMutation {

    static final String NAME = "proxyinit";

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        if (TrafficInterception.cniMode(pod)
                || pod.getSpec().getInitContainers().stream().anyMatch(c -> NAME.equals(c.getName()))) {
            return;
        }
        Container proxyInit = new ContainerBuilder()
                .withName(NAME)
                .withImage(context.config().initImage())
                .withNewSecurityContext().withNewCapabilities().withAdd("NET_ADMIN").endCapabilities().endSecurityContext()
                .withEnv(new EnvVar("APPMESH_START_ENABLED", "1", null),
                        new EnvVar("APPMESH_IGNORE_UID", Integer.toString(TrafficInterception.PROXY_UID), null),
                        new EnvVar("APPMESH_ENVOY_INGRESS_PORT", Integer.toString(TrafficInterception.PROXY_INGRESS_PORT),
                                null),
                        new EnvVar("APPMESH_ENVOY_EGRESS_PORT", Integer.toString(TrafficInterception.PROXY_EGRESS_PORT), null),
                        new EnvVar("APPMESH_APP_PORTS", TrafficInterception.appPorts(pod, context), null),
                        new EnvVar("APPMESH_EGRESS_IGNORED_IP", TrafficInterception.egressIgnoredIps(pod, context), null),
                        new EnvVar("APPMESH_EGRESS_IGNORED_PORTS", TrafficInterception.egressIgnoredPorts(pod), null),
                        new EnvVar("APPMESH_ENABLE_IPV6", TrafficInterception.ipv6(pod) ? "1" : "0", null))
                .withResources(SidecarResources.fromFlags(context.config()))
                .build();
        pod.getSpec().getInitContainers().add(proxyInit);
    }
}
