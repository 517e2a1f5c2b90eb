package io.appmesh.operator.webhook.pod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.appmesh.operator.config.InjectionConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * A VirtualGateway pod brings its own {@code envoy} container; this configures it: the image
 * (unless virtualGatewaySkipImageOverride is enabled), the environment (existing variables of the same name replaced
 * in place, the rest appended, the pod UID last), a readiness probe if it has none, and the SDS socket. A pod without
 * an envoy container is left alone. With the xDS backend, envoy also gets the {@link XdsChannel}; with its
 * {@code envoy} profile the container runs upstream Envoy's command (its own command and args replaced) with an HTTP
 * readiness probe, runs as uid 1337 (non-root) unless the pod or container sets a user, and gets no App Mesh variables.
 */
final class VirtualGatewayEnvoy implements PodMutation {

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        Container envoy = pod.getSpec().getContainers().stream().filter(c -> EnvoySidecar.NAME.equals(c.getName()))
                .findFirst().orElse(null);
        if (envoy == null) {
            return;
        }
        InjectionConfig c = context.config();
        boolean upstream = context.upstreamEnvoy();
        if (!PodAnnotations.isEnabled(pod, PodAnnotations.VIRTUAL_GATEWAY_SKIP_IMAGE_OVERRIDE)) {
            envoy.setImage(upstream ? c.envoyImage() : c.sidecarImageRepository() + ":" + c.sidecarImageTag());
        }
        if (upstream) {
            envoy.setCommand(XdsChannel.command(pod, context));
            envoy.setArgs(List.of());
            runAsProxyUser(pod, envoy);
        }
        // Upstream Envoy has no agent: it gets none of the App Mesh variables, only the pod UID its command references.
        Map<String, String> env = upstream ? new TreeMap<>() : EnvoyEnvironment.variables(pod, context, Map.of());
        for (int i = 0; i < envoy.getEnv().size(); i++) {
            EnvVar existing = envoy.getEnv().get(i);
            String value = env.remove(existing.getName());
            if (value != null) {
                envoy.getEnv().set(i, EnvoyEnvironment.envVar(existing.getName(), value));
            } else if (EnvoyEnvironment.POD_UID.equals(existing.getName())) {
                envoy.getEnv().set(i, EnvoyEnvironment.podUid());
            }
        }
        boolean hasPodUid = envoy.getEnv().stream().anyMatch(e -> EnvoyEnvironment.POD_UID.equals(e.getName()));
        env.forEach((name, value) -> envoy.getEnv().add(EnvoyEnvironment.envVar(name, value)));
        if (!hasPodUid) {
            envoy.getEnv().add(EnvoyEnvironment.podUid());
        }
        if (envoy.getReadinessProbe() == null) {
            envoy.setReadinessProbe(upstream ? XdsChannel.readiness(c) : EnvoyReadinessProbe.of(c));
        }
        SdsSocket.mount(pod, envoy, c);
        if (context.xdsBackend()) {
            XdsChannel.mount(pod, envoy, context);
        }
    }

    /**
     * The command replaces the image's entrypoint, which is what drops upstream Envoy's image from root to uid 101:
     * without a user of its own the internet-facing Envoy would run as root. It gets the sidecar's uid 1337 and
     * {@code runAsNonRoot}, unless the container or the pod already chose a user (their choice stands).
     */
    private static void runAsProxyUser(Pod pod, Container envoy) {
        if (pod.getSpec().getSecurityContext() != null && pod.getSpec().getSecurityContext().getRunAsUser() != null) {
            return;
        }
        SecurityContext security = envoy.getSecurityContext();
        if (security == null) {
            security = new SecurityContext();
            envoy.setSecurityContext(security);
        }
        if (security.getRunAsUser() != null) {
            return;
        }
        security.setRunAsUser(EnvoySidecar.PROXY_UID);
        if (security.getRunAsNonRoot() == null) {
            security.setRunAsNonRoot(true);
        }
    }
}
