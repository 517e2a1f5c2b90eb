package io.appmesh.operator.webhook.pod;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Pod;

/** The 22 {@code appmesh.k8s.aws/} pod annotations of upstream's injector, and how they are read. */
public final class PodAnnotations {

    static final String PREFIX = "appmesh.k8s.aws/";
    /** Also the namespace label that turns injection on or off. */
    public static final String SIDECAR_INJECTOR_WEBHOOK = PREFIX + "sidecarInjectorWebhook";
    static final String CPU_REQUEST = PREFIX + "cpuRequest";
    static final String MEMORY_REQUEST = PREFIX + "memoryRequest";
    static final String CPU_LIMIT = PREFIX + "cpuLimit";
    static final String MEMORY_LIMIT = PREFIX + "memoryLimit";
    static final String APPMESH_CNI = PREFIX + "appmeshCNI";
    static final String PORTS = PREFIX + "ports";
    static final String EGRESS_IGNORED_IPS = PREFIX + "egressIgnoredIPs";
    static final String EGRESS_IGNORED_PORTS = PREFIX + "egressIgnoredPorts";
    static final String IPV6 = PREFIX + "ipv6";
    static final String PREVIEW = PREFIX + "preview";
    static final String SDS = PREFIX + "sds";
    static final String SECRET_MOUNTS = PREFIX + "secretMounts";
    static final String VOLUME_MOUNTS = PREFIX + "volumeMounts";
    static final String SIDECAR_ENV = PREFIX + "sidecarEnv";
    static final String SIDECAR_ENV_JSON = PREFIX + "sidecarEnvJson";
    static final String XRAY_AGENT_CONFIG_MOUNT = PREFIX + "xrayAgentConfigMount";
    static final String VIRTUAL_GATEWAY_SKIP_IMAGE_OVERRIDE = PREFIX + "virtualGatewaySkipImageOverride";
    /** Written in CNI mode for the App Mesh CNI plugin. */
    static final String PROXY_EGRESS_PORT = PREFIX + "proxyEgressPort";
    static final String PROXY_INGRESS_PORT = PREFIX + "proxyIngressPort";
    static final String IGNORED_UID = PREFIX + "ignoredUID";
    /** Defined upstream and never read or written; kept so that the full set is documented in one place. */
    static final String IGNORED_GID = PREFIX + "ignoredGID";

    /** The label Fargate puts on its pods; a non-empty value selects CNI mode when appmeshCNI is absent. */
    static final String FARGATE_PROFILE_LABEL = "eks.amazonaws.com/fargate-profile";

    private PodAnnotations() {
    }

    static Optional<String> get(Pod pod, String key) {
        Map<String, String> annotations = pod.getMetadata() == null ? null : pod.getMetadata().getAnnotations();
        return annotations == null ? Optional.empty() : Optional.ofNullable(annotations.get(key));
    }

    /** Whether the annotation is present with the case-insensitive value {@code enabled}. */
    static boolean isEnabled(Pod pod, String key) {
        return get(pod, key).map(v -> v.toLowerCase(Locale.ROOT).equals("enabled")).orElse(false);
    }

    /** Whether the annotation is present with the case-insensitive value {@code disabled}. */
    static boolean isDisabled(Pod pod, String key) {
        return get(pod, key).map(v -> v.toLowerCase(Locale.ROOT).equals("disabled")).orElse(false);
    }
}
