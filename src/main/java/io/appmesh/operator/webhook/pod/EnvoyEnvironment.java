package io.appmesh.operator.webhook.pod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The environment of envoy, for a VirtualNode sidecar and a VirtualGateway's envoy alike. The
 * operator's variables overwrite the user's (sidecarEnv annotations), except XRAY_SAMPLING_RATE, which a user may set.
 * Variables come out sorted by name (upstream's order is Go map order, i.e. random), then the pod UID.
 */
final class EnvoyEnvironment {

    /** The value that makes STATSD_ADDRESS / DATADOG_TRACER_ADDRESS point at the node (downward API). */
    static final String HOST_IP_REFERENCE = "ref:status.hostIP";
    static final String POD_UID = "APPMESH_PLATFORM_K8S_POD_UID";

    private EnvoyEnvironment() {
    }

    /** The variables, as a map over {@code seed} (user variables; may be empty). */
    static Map<String, String> variables(Pod pod, InjectionContext context, Map<String, String> seed) {
        InjectionConfig c = context.config();
        Map<String, String> env = new TreeMap<>(seed);
        String resource = context.resourcePath();
        env.put("APPMESH_RESOURCE_ARN", resource);
        env.put("APPMESH_VIRTUAL_NODE_NAME", resource);
        env.put("AWS_REGION", context.region());
        c.envoyAwsAccessKeyId().filter(v -> !v.isEmpty()).ifPresent(v -> env.put("AWS_ACCESS_KEY_ID", v));
        c.envoyAwsSecretAccessKey().filter(v -> !v.isEmpty()).ifPresent(v -> env.put("AWS_SECRET_ACCESS_KEY", v));
        c.envoyAwsSessionToken().filter(v -> !v.isEmpty()).ifPresent(v -> env.put("AWS_SESSION_TOKEN", v));
        // Upstream binds --envoy-admin-access-enable-ipv6 to the dual-stack setting, so this is always false there.
        env.put("ENVOY_ADMIN_ACCESS_ENABLE_IPV6", "false");
        env.put("APPMESH_DUALSTACK_ENDPOINT", flag(c.dualStackEndpoint()));
        env.put("APPMESH_FIPS_ENDPOINT", flag(c.fipsEndpoint()));
        boolean preview = PodAnnotations.get(pod, PodAnnotations.PREVIEW).isPresent()
                ? PodAnnotations.isEnabled(pod, PodAnnotations.PREVIEW)
                : c.preview();
        env.put("APPMESH_PREVIEW", flag(preview));
        env.put("ENVOY_LOG_LEVEL", c.sidecarLogLevel());
        if (SdsSocket.enabled(pod, c)) {
            env.put("APPMESH_SDS_SOCKET_PATH", c.sdsUdsPath());
        }
        if (c.envoyAdminAccessPort() != 0) {
            env.put("ENVOY_ADMIN_ACCESS_PORT", Integer.toString(c.envoyAdminAccessPort()));
        }
        if (c.envoyAdminAccessLogFile().isPresent()) {
            env.put("ENVOY_ADMIN_ACCESS_LOG_FILE", c.envoyAdminAccessLogFile().get());
        }
        if (c.enableXrayTracing()) {
            env.put("ENABLE_ENVOY_XRAY_TRACING", "1");
            env.put("XRAY_DAEMON_PORT", Integer.toString(c.xrayDaemonPort()));
            String rate = env.containsKey("XRAY_SAMPLING_RATE") ? env.get("XRAY_SAMPLING_RATE") : c.xraySamplingRate();
            env.put("XRAY_SAMPLING_RATE", samplingRate(rate));
        }
        if (c.enableDatadogTracing()) {
            env.put("ENABLE_ENVOY_DATADOG_TRACING", "1");
            env.put("DATADOG_TRACER_PORT", Integer.toString(c.datadogPort()));
            env.put("DATADOG_TRACER_ADDRESS", c.datadogAddress());
        }
        if (c.enableStatsTags()) {
            env.put("ENABLE_ENVOY_STATS_TAGS", "1");
        }
        if (c.enableStatsd()) {
            env.put("ENABLE_ENVOY_DOG_STATSD", "1");
            env.put("STATSD_PORT", Integer.toString(c.statsdPort()));
            env.put("STATSD_ADDRESS", c.statsdAddress());
            c.statsdSocketPath().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(s -> env.put("STATSD_SOCKET_PATH", s));
        }
        if (c.enableJaegerTracing()) {
            env.put("ENABLE_ENVOY_JAEGER_TRACING", "1");
            env.put("JAEGER_TRACER_PORT", c.jaegerPort());
            env.put("JAEGER_TRACER_ADDRESS", c.jaegerAddress());
        }
        c.xdsEndpoint().filter(v -> !v.isEmpty()).ifPresent(v -> env.put("APPMESH_XDS_ENDPOINT", v));
        env.put("APPMESH_PLATFORM_K8S_VERSION", context.kubernetesVersion());
        env.put("APPMESH_PLATFORM_APP_MESH_CONTROLLER_VERSION", context.operatorVersion());
        env.put("APPNET_AGENT_ADMIN_MODE", "uds");
        env.put("APPNET_AGENT_ADMIN_UDS_PATH", "/tmp/agent.sock");
        if (context.xdsBackend()) {
            XdsChannel.environment(env, context);
        }
        return env;
    }

    /** The map as container variables, the node-local addresses as downward-API references, the pod UID last. */
    static List<EnvVar> toEnvVars(Map<String, String> env) {
        List<EnvVar> vars = new ArrayList<>();
        env.forEach((name, value) -> vars.add(envVar(name, value)));
        vars.add(podUid());
        return vars;
    }

    static EnvVar envVar(String name, String value) {
        if (HOST_IP_REFERENCE.equals(value) && (name.equals("STATSD_ADDRESS") || name.equals("DATADOG_TRACER_ADDRESS"))) {
            return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath("status.hostIP")
                    .endFieldRef().endValueFrom().build();
        }
        return new EnvVar(name, value, null);
    }

    static EnvVar podUid() {
        return new EnvVarBuilder().withName(POD_UID).withNewValueFrom().withNewFieldRef().withFieldPath("metadata.uid")
                .endFieldRef().endValueFrom().build();
    }

    /** A decimal in [0, 1], rounded to two places and written without trailing zeros: 0.05, 0.1, 1. */
    static String samplingRate(String value) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new AdmissionDenied("tracing.samplingRate should be a decimal between 0 & 1.00, but instead got " + value
                    + " strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new AdmissionDenied(
                    "tracing.samplingRate should be a decimal between 0 & 1.00, but instead got " + value + " <nil>");
        }
        BigDecimal rounded = rate.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }
}
