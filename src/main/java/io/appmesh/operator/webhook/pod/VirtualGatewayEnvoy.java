package io.appmesh.operator.webhook.pod;

import java.util.Map;

import io.appmesh.operator.config.InjectionConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * A VirtualGateway pod brings its own {@code envoy} container; this configures it: the image
 * (unless virtualGatewaySkipImageOverride is enabled), the environment (existing variables of the same name replaced
 * in place, the rest appended, the pod UID last), a readiness probe if it has none, and the SDS socket. A pod without
 * an envoy container is left alone.
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
        if (!PodAnnotations.isEnabled(pod, PodAnnotations.VIRTUAL_GATEWAY_SKIP_IMAGE_OVERRIDE)) {
            envoy.setImage(c.sidecarImageRepository() + ":" + c.sidecarImageTag());
        }
        Map<String, String> env = EnvoyEnvironment.variables(pod, context, Map.of());
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
            envoy.setReadinessProbe(EnvoyReadinessProbe.of(c));
        }
        SdsSocket.mount(pod, envoy, c);
    }
}
