package io.appmesh.operator.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Sidecar injection settings, {@code appmesh.injection.<upstream flag name>} (upstream {@code pkg/inject/config.go}),
 * with upstream's binary defaults. docs/injection.md has the flag → key → default table.
 */
public interface InjectionConfig {

    /** Envoy image repository (VirtualNode sidecar, VirtualGateway image override). */
    @WithDefault("public.ecr.aws/appmesh/aws-appmesh-envoy")
    String sidecarImageRepository();

    @WithDefault("v1.34.13.3-prod")
    String sidecarImageTag();

    /** CPU request of envoy, xray-daemon and proxyinit; set to empty to leave it out. */
    @WithDefault("10m")
    Optional<String> sidecarCpuRequests();

    /** Memory request of envoy, xray-daemon and proxyinit; set to empty to leave it out. */
    @WithDefault("32Mi")
    Optional<String> sidecarMemoryRequests();

    /** CPU limit; unset (upstream's empty default) leaves it out. */
    Optional<String> sidecarCpuLimits();

    Optional<String> sidecarMemoryLimits();

    /** ENVOY_LOG_LEVEL. */
    @WithDefault("info")
    String sidecarLogLevel();

    /** Envoy admin port: the stats container port, readiness probe and ENVOY_ADMIN_ACCESS_PORT. */
    @WithDefault("9901")
    int envoyAdminAccessPort();

    /** ENVOY_ADMIN_ACCESS_LOG_FILE; set to empty for none (upstream then leaves the variable out). */
    @WithDefault("/tmp/envoy_admin_access.log")
    Optional<String> envoyAdminAccessLogFile();

    /**
     * Read but without effect, as upstream: there the flag writes the dual-stack setting and
     * ENVOY_ADMIN_ACCESS_ENABLE_IPV6 is always {@code false} (docs/compatibility.md).
     */
    @WithDefault("false")
    boolean envoyAdminAccessEnableIpv6();

    /** APPMESH_DUALSTACK_ENDPOINT. */
    @WithDefault("false")
    boolean dualStackEndpoint();

    /** APPMESH_FIPS_ENDPOINT. */
    @WithDefault("false")
    boolean fipsEndpoint();

    /** Seconds envoy sleeps in preStop. */
    @WithDefault("20")
    String prestopDelay();

    @WithDefault("180")
    int poststartTimeout();

    @WithDefault("5")
    int poststartInterval();

    /** Start envoy first and hold the app containers until it is ready (postStart hook). */
    @WithDefault("false")
    boolean waitUntilProxyReady();

    @WithDefault("1")
    int readinessProbeInitialDelay();

    @WithDefault("10")
    int readinessProbePeriod();

    /** APPMESH_PREVIEW, unless the pod's {@code appmesh.k8s.aws/preview} annotation says otherwise. */
    @WithDefault("false")
    boolean preview();

    @WithDefault("false")
    boolean enableSds();

    @WithDefault("/run/spire/sockets/agent.sock")
    String sdsUdsPath();

    @WithDefault("840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-proxy-route-manager:v7-prod")
    String initImage();

    /** Egress traffic to these IPs/CIDRs bypasses envoy, unless the pod's egressIgnoredIPs annotation replaces them. */
    @WithDefault("169.254.169.254")
    String ignoredIps();

    /** Set fsGroup 1337 on pods that have none, so envoy can read projected service-account tokens. */
    @WithDefault("true")
    boolean enableIamForServiceAccounts();

    @WithDefault("false")
    boolean enableEcrSecret();

    @WithDefault("false")
    boolean enableXrayTracing();

    /**
     * Image of the xray-daemon container. Empty is accepted at start-up, as upstream: injecting X-Ray is then refused per
     * pod with {@code Missing configuration parameters: xRayImage}.
     */
    @WithDefault("public.ecr.aws/xray/aws-xray-daemon")
    Optional<String> xrayImage();

    @WithDefault("2000")
    int xrayDaemonPort();

    @WithDefault("0.05")
    String xraySamplingRate();

    @WithDefault("prod")
    String xrayLogLevel();

    /** Role the X-Ray daemon assumes; upstream's flag keeps its camel case, and so does the key. Unset means none. */
    @WithName("xray-config-roleArn")
    Optional<String> xrayConfigRoleArn();

    @WithDefault("false")
    boolean enableJaegerTracing();

    @WithDefault("appmesh-jaeger.appmesh-system")
    String jaegerAddress();

    @WithDefault("9411")
    String jaegerPort();

    @WithDefault("false")
    boolean enableDatadogTracing();

    /** The literal {@code ref:status.hostIP} makes envoy use its node's IP (a node-local agent). */
    @WithDefault("datadog.appmesh-system")
    String datadogAddress();

    @WithDefault("8126")
    int datadogPort();

    @WithDefault("false")
    boolean enableStatsTags();

    @WithDefault("false")
    boolean enableStatsd();

    /** The literal {@code ref:status.hostIP} makes envoy use its node's IP. */
    @WithDefault("127.0.0.1")
    String statsdAddress();

    @WithDefault("8125")
    int statsdPort();

    Optional<String> statsdSocketPath();

    /** Testing aid: static credentials handed to envoy. */
    Optional<String> envoyAwsAccessKeyId();

    Optional<String> envoyAwsSecretAccessKey();

    Optional<String> envoyAwsSessionToken();

    /**
     * The xDS management server envoy connects to (APPMESH_XDS_ENDPOINT, host:port). Unset: the variable is not set and
     * the App Mesh Envoy image derives the regional endpoint from AWS_REGION, as with upstream; set it to point the
     * sidecars at another control plane (such as this operator's own).
     */
    Optional<String> xdsEndpoint();

    /**
     * With {@code appmesh.backend=xds}: which Envoy the pods get. {@code aws-appmesh-envoy} (default): the App Mesh image
     * ({@link #sidecarImageRepository()}), its agent generating the bootstrap with the ADS part replaced through
     * {@code ENVOY_RESOURCES_CONFIG_FILE}; {@code envoy}: {@link #envoyImage()}, upstream Envoy started directly on the
     * bootstrap of the {@code appmesh-xds} ConfigMap. Ignored with the AWS backend. Any other value stops start-up.
     */
    @WithDefault("aws-appmesh-envoy")
    String envoyProfile();

    /** The image of the {@code envoy} profile: upstream Envoy of the release the default App Mesh image carries. */
    @WithDefault("envoyproxy/envoy:v1.34.13")
    String envoyImage();

    /**
     * With {@code appmesh.backend=xds}: seconds Envoy waits for its first listeners and clusters before it starts
     * without them (its {@code initial_fetch_timeout}; also ENVOY_INITIAL_FETCH_TIMEOUT). 0, the App Mesh agent's own
     * default, waits for ever: the readiness probe only passes once Envoy holds its configuration, so a pod is never
     * Ready with a sidecar that would refuse every connection the iptables rules send it.
     */
    @WithDefault("0")
    int xdsInitialFetchTimeout();
}
