package io.appmesh.operator.webhook.pod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The {@code envoy} sidecar of a VirtualNode pod: image, uid 1337, the stats port, environment
 * (a.5, seeded with the sidecarEnv / sidecarEnvJson annotations), resources, readiness probe, preStop delay, the
 * secretMounts / volumeMounts annotations and the SDS socket. Appended after the app containers, or put first with
 * wait-until-proxy-ready (then a postStart hook holds the app containers until envoy is ready). A pod that already has
 * an {@code envoy} container is left to it. With the xDS backend, envoy also gets the {@link XdsChannel}; with its
 * {@code envoy} profile it is upstream Envoy: another image, its own command, no App Mesh variables, an HTTP probe.
 */
final class EnvoySidecar implements PodMutation {

    static final String NAME = "envoy";
    static final long PROXY_UID = TrafficInterception.PROXY_UID;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENV_JSON_FORMAT = "[{\"DD_ENV\":\"prod\",\"TEST_ENV\":\"env_val\"}]";

    @Override
    public void mutate(Pod pod, InjectionContext context) {
        if (pod.getSpec().getContainers().stream().anyMatch(c -> NAME.equals(c.getName()))) {
            return;
        }
        InjectionConfig c = context.config();
        Map<String, String> secretMounts = pairs(pod, PodAnnotations.SECRET_MOUNTS, ":", "secretName:mountPath");
        Map<String, String> volumeMounts = pairs(pod, PodAnnotations.VOLUME_MOUNTS, ":", "volumeName:mountPath");
        Map<String, String> userEnv = pairs(pod, PodAnnotations.SIDECAR_ENV, "=", "EnvVariableKey=EnvVariableValue");
        userEnv.putAll(jsonEnv(pod));

        boolean upstream = context.upstreamEnvoy();
        ContainerBuilder envoy = new ContainerBuilder()
                .withName(NAME)
                .withImage(upstream ? c.envoyImage() : c.sidecarImageRepository() + ":" + c.sidecarImageTag())
                .withNewSecurityContext().withRunAsUser(PROXY_UID).endSecurityContext()
                .addNewPort().withName("stats").withContainerPort(c.envoyAdminAccessPort()).withProtocol("TCP").endPort()
                // Upstream Envoy has no agent to read the App Mesh variables: only the user's and the pod UID (which
                // its command references).
                .withEnv(EnvoyEnvironment.toEnvVars(upstream
                        ? new TreeMap<>(userEnv)
                        : EnvoyEnvironment.variables(pod, context, userEnv)))
                .withResources(SidecarResources.forSidecar(pod, c))
                .withReadinessProbe(upstream ? XdsChannel.readiness(c) : EnvoyReadinessProbe.of(c))
                .withNewLifecycle()
                .withNewPreStop().withNewExec().withCommand("sh", "-c", "sleep " + c.prestopDelay()).endExec().endPreStop()
                .endLifecycle();
        if (upstream) {
            envoy.withCommand(XdsChannel.command(pod, context));
        }
        // Upstream Envoy has no agent to wait with; InjectionEnvironment refuses that combination at start-up.
        if (c.waitUntilProxyReady() && !upstream) {
            envoy.editLifecycle().withNewPostStart().withNewExec().withCommand("sh", "-c", postStartScript(c)).endExec()
                    .endPostStart().endLifecycle();
        }
        Container container = envoy.build();
        secretMounts.forEach((secret, path) -> {
            pod.getSpec().getVolumes()
                    .add(new VolumeBuilder().withName(secret).withNewSecret().withSecretName(secret).endSecret().build());
            container.getVolumeMounts()
                    .add(new VolumeMountBuilder().withName(secret).withMountPath(path).withReadOnly(true).build());
        });
        volumeMounts.forEach((volume, path) -> container.getVolumeMounts()
                .add(new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build()));
        SdsSocket.mount(pod, container, c);
        if (context.xdsBackend()) {
            XdsChannel.mount(pod, container, context);
        }
        if (c.waitUntilProxyReady()) {
            pod.getSpec().getContainers().add(0, container);
        } else {
            pod.getSpec().getContainers().add(container);
        }
    }

    /**
     * Holds the pod's other containers until envoy is ready, through the App Mesh agent, where the envoy image is
     * recent enough to carry it (App Mesh Envoy 1.22.2.1 and later).
     */
    static String postStartScript(InjectionConfig c) {
        return "v=$(/usr/bin/envoy --version 2>/dev/null | grep -o '[0-9][0-9]*\\.[0-9][0-9]*\\.[0-9][0-9]*\\(\\.[0-9][0-9]*\\)\\?'"
                + " | head -n1); if [ -n \"$v\" ] && [ \"$(printf '%s\\n%s\\n' 1.22.2.1 \"$v\" | sort -t. -k1,1n -k2,2n -k3,3n"
                + " -k4,4n | head -n1)\" = 1.22.2.1 ]; then APPNET_AGENT_POLL_ENVOY_READINESS_TIMEOUT_S="
                + c.poststartTimeout() + " APPNET_AGENT_POLL_ENVOY_READINESS_INTERVAL_S=" + c.poststartInterval()
                + " /usr/bin/agent -envoyReadiness; else echo WaitUntilProxyReady is not supported in Envoy version"
                + " \\< 1.22.2.1; fi";
    }

    /** {@code k<sep>v[,k<sep>v...]}, each part trimmed; a segment that does not split in exactly two is refused. */
    static Map<String, String> pairs(Pod pod, String annotation, String separator, String format) {
        Map<String, String> pairs = new LinkedHashMap<>();
        PodAnnotations.get(pod, annotation).ifPresent(value -> {
            for (String segment : value.split(",", -1)) {
                String[] pair = segment.split(java.util.regex.Pattern.quote(separator), -1);
                if (pair.length != 2) {
                    throw new AdmissionDenied("malformed annotation " + annotation + ", expected format: " + format);
                }
                pairs.put(pair[0].trim(), pair[1].trim());
            }
        });
        return pairs;
    }

    /** {@code sidecarEnvJson}: a JSON array of flat string maps; later maps win. */
    static Map<String, String> jsonEnv(Pod pod) {
        Map<String, String> env = new LinkedHashMap<>();
        var annotation = PodAnnotations.get(pod, PodAnnotations.SIDECAR_ENV_JSON);
        if (annotation.isEmpty()) {
            return env;
        }
        JsonNode array;
        try {
            array = JSON.readTree(annotation.get());
        } catch (Exception e) {
            array = null;
        }
        if (array == null || !array.isArray()) {
            throw new AdmissionDenied("malformed annotation " + PodAnnotations.SIDECAR_ENV_JSON + ", expected format: "
                    + ENV_JSON_FORMAT);
        }
        for (JsonNode map : array) {
            if (!map.isObject()) {
                throw new AdmissionDenied("malformed annotation " + PodAnnotations.SIDECAR_ENV_JSON + ", expected format: "
                        + ENV_JSON_FORMAT);
            }
            map.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw new AdmissionDenied("nested json isn't supported with this annotation "
                            + PodAnnotations.SIDECAR_ENV_JSON + ", expected format: " + ENV_JSON_FORMAT);
                }
                env.put(e.getKey(), e.getValue().asText());
            });
        }
        return env;
    }
}
