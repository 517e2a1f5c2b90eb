package io.appmesh.operator.webhook.pod;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * The injection steps in upstream's order ({@code pkg/inject/inject.go}). A VirtualNode pod: traffic interception
 * (init container or CNI annotations), envoy, X-Ray, Cloud Map readiness gate, fsGroup for IRSA, ECR pull secret. A
 * VirtualGateway pod: its envoy container, X-Ray.
 */
public final class SidecarInjector {

    static final List<PodMutation> VIRTUAL_NODE = List.of(new ProxyInit(), new CniAnnotations(), new EnvoySidecar(),
            new XrayDaemon(), new CloudMapReadinessGate(), new IamForServiceAccounts(), new EcrSecret());
    static final List<PodMutation> VIRTUAL_GATEWAY = List.of(new VirtualGatewayEnvoy(), new XrayDaemon());

    private SidecarInjector() {
    }

    /** Mutates {@code pod} for the VirtualNode or VirtualGateway of {@code context}. */
    public static void inject(Pod pod, InjectionContext context) {
        for (PodMutation mutation : context.node() != null ? VIRTUAL_NODE : VIRTUAL_GATEWAY) {
            mutation.mutate(pod, context);
        }
    }
}
