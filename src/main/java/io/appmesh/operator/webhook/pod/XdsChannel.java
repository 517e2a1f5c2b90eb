package io.appmesh.operator.webhook.pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.appmesh.operator.backend.xds.EnvoyBootstrap;
import io.appmesh.operator.config.InjectionConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * How an injected envoy reaches the operator's own ADS server ({@code appmesh.backend=xds}): the {@code appmesh-xds}
 * ConfigMap (CA and bootstrap files, {@link EnvoyBootstrap}) and a projected ServiceAccount token for the
 * {@code authorization} header, both mounted read-only into envoy; and, per profile, the environment
 * ({@code aws-appmesh-envoy}) or the command and probe ({@code envoy}). Both volumes are explicit pod volumes, so they
 * work with {@code automountServiceAccountToken: false} too (the kubelet still issues a projected token).
 */
final class XdsChannel {

    static final String CONFIG_VOLUME = "appmesh-xds-config";
    static final String TOKEN_VOLUME = "appmesh-xds-token";
    /**
     * AWS_REGION when the operator knows none: the App Mesh agent builds App Mesh's regional endpoint (then replaced)
     * before it reads ENVOY_RESOURCES_CONFIG_FILE, and without a region it asks EC2's metadata service and gives up
     * outside EC2. The value reaches no AWS endpoint.
     */
    static final String PLACEHOLDER_REGION = "us-east-1";
    /** Seconds upstream Envoy drains listeners that an update removes: the App Mesh agent's LISTENER_DRAIN_WAIT_TIME_S. */
    static final String DRAIN_TIME_SECONDS = "20";

    private XdsChannel() {
    }

    /** The App Mesh image's variables: where the ADS part of its bootstrap comes from, and a region it can work with. */
    static void environment(Map<String, String> env, InjectionContext context) {
        env.put("ENVOY_RESOURCES_CONFIG_FILE", EnvoyBootstrap.CONFIG_DIR + "/" + EnvoyBootstrap.RESOURCES_KEY);
        // The agent only reads it for the dynamicResources that resources.yaml replaces; the file carries the same
        // value, so whichever of the two a given image version applies, Envoy waits alike.
        env.put("ENVOY_INITIAL_FETCH_TIMEOUT", Integer.toString(context.config().xdsInitialFetchTimeout()));
        if (context.region().isEmpty()) {
            env.put("AWS_REGION", PLACEHOLDER_REGION);
        }
    }

    /** Adds the two volumes (once, by name) and mounts them read-only into {@code envoy}. */
    static void mount(Pod pod, Container envoy, InjectionContext context) {
        var volumes = pod.getSpec().getVolumes();
        if (volumes.stream().noneMatch(v -> CONFIG_VOLUME.equals(v.getName()))) {
            volumes.add(new VolumeBuilder().withName(CONFIG_VOLUME).withNewConfigMap()
                    .withName(EnvoyBootstrap.CONFIG_MAP).endConfigMap().build());
        }
        if (volumes.stream().noneMatch(v -> TOKEN_VOLUME.equals(v.getName()))) {
            volumes.add(new VolumeBuilder().withName(TOKEN_VOLUME).withNewProjected().addNewSource()
                    .withNewServiceAccountToken().withAudience(context.xds().tokenAudience())
                    .withExpirationSeconds(context.xds().tokenExpirationSeconds())
                    .withPath(EnvoyBootstrap.TOKEN_FILE).endServiceAccountToken()
                    .endSource().endProjected().build());
        }
        mountOnce(envoy, CONFIG_VOLUME, EnvoyBootstrap.CONFIG_DIR);
        mountOnce(envoy, TOKEN_VOLUME, EnvoyBootstrap.TOKEN_DIR);
    }

    private static void mountOnce(Container envoy, String volume, String path) {
        if (envoy.getVolumeMounts().stream().noneMatch(m -> path.equals(m.getMountPath()))) {
            envoy.getVolumeMounts().add(new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true)
                    .build());
        }
    }

    /**
     * Upstream Envoy's command: the image's entrypoint would switch to uid 101, which the iptables rules do not exempt
     * (only 1337), so envoy is started directly, on the ConfigMap's bootstrap with this pod's node merged in.
     */
    static List<String> command(Pod pod, InjectionContext context) {
        InjectionConfig c = context.config();
        Optional<String> sds = SdsSocket.enabled(pod, c) ? Optional.of(c.sdsUdsPath()) : Optional.empty();
        List<String> command = new ArrayList<>(List.of("envoy",
                "-c", EnvoyBootstrap.CONFIG_DIR + "/" + EnvoyBootstrap.ENVOY_KEY,
                "--config-yaml", EnvoyBootstrap.nodeOverlay(context.resourcePath(), context.kubernetesVersion(),
                        context.operatorVersion(), sds, c.enableStatsTags()),
                "--log-level", c.sidecarLogLevel(),
                "--drain-time-s", DRAIN_TIME_SECONDS));
        return command;
    }

    /**
     * Upstream Envoy's readiness: {@code /ready} of its admin server, asked by the kubelet (the image has no agent and
     * need not have curl). Envoy answers 200 once it is LIVE, i.e. holds its first listeners and clusters.
     */
    static Probe readiness(InjectionConfig c) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath("/ready").withPort(new IntOrString(c.envoyAdminAccessPort())).endHttpGet()
                .withInitialDelaySeconds(c.readinessProbeInitialDelay())
                .withTimeoutSeconds(1)
                .withPeriodSeconds(c.readinessProbePeriod())
                .withSuccessThreshold(1)
                .withFailureThreshold(3)
                .build();
    }
}
