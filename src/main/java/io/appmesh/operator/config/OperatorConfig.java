package io.appmesh.operator.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The operator's own configuration, under {@code appmesh.}. Every key is the upstream controller's command-line flag
 * name, so that {@code --enable-backend-groups=true} becomes {@code appmesh.enable-backend-groups=true} (or the
 * environment variable {@code APPMESH_ENABLE_BACKEND_GROUPS=true}). Defaults are upstream's. Flags that Quarkus already
 * owns ({@code --metrics-addr}, {@code --health-probe-port}, {@code --log-level}) map to Quarkus keys; see the README.
 */
@ConfigMapping(prefix = "appmesh")
public interface OperatorConfig {

    /**
     * Where the mesh is realised: {@code aws} (AWS App Mesh and Cloud Map, what upstream does) or {@code xds} (the
     * embedded Envoy control plane: no AWS call at all). Not an upstream flag; read in one place,
     * {@code backend/Backends}, and an unknown value stops start-up.
     */
    @WithDefault("aws")
    String backend();

    /** Informer resync period: every watched object is reconciled again at least this often. */
    @WithDefault("10h")
    Duration syncPeriod();

    /** Lease-based leader election, so that only one replica reconciles; webhooks are served by every replica. */
    @WithDefault("false")
    boolean enableLeaderElection();

    /** Create Cloud Map services with a custom health-check configuration. */
    @WithDefault("false")
    boolean enableCustomHealthCheck();

    /** Page size of the pod informer's lists (upstream's use of it). */
    @WithDefault("100")
    long pageLimit();

    /** AWS region; unset means the default region provider chain. */
    Optional<String> awsRegion();

    /**
     * Endpoint for every AWS client instead of the regional one (an emulator such as moto, a VPC endpoint). Not an
     * upstream flag.
     */
    Optional<java.net.URI> awsEndpointOverride();

    /**
     * Time limit of one AWS API attempt; a slower answer counts as a failed attempt and is retried (up to 3 retries with
     * backoff, as upstream's SDK retryer). Not an upstream flag.
     */
    @WithDefault("10s")
    Duration awsApiAttemptTimeout();

    /** AWS account id; unset means STS GetCallerIdentity. */
    Optional<String> awsAccountId();

    /** Client-side AWS API rate limits, {@code service:operationRegex=rate:burst,...}; unset means upstream's table. */
    Optional<List<String>> awsApiThrottle();

    /** FIPS endpoints for App Mesh, Cloud Map, EKS and STS. */
    @WithDefault("false")
    boolean useAwsFipsEndpoint();

    /** Dual-stack endpoint for App Mesh only. */
    @WithDefault("false")
    boolean useAwsDualStackEndpoint();

    /** TTL in seconds of the DNS records of Cloud Map services the operator creates. */
    @WithDefault("300")
    long cloudmapDnsTtl();

    /** Expand BackendGroups into VirtualNode backends (experimental upstream feature). */
    @WithDefault("false")
    boolean enableBackendGroups();

    /** EKS cluster name: DescribeCluster's IP family decides the Mesh ipPreference default. */
    Optional<String> clusterName();

    /**
     * The cluster's IP family ({@code ipv4} or {@code ipv6}), stated instead of asking EKS (clusters outside EKS). Not an
     * upstream flag; when set, EKS is not asked. Unset and no answer from EKS means unknown, treated as IPv4 as upstream.
     */
    Optional<String> clusterIpFamily();

    /**
     * Minimum TLS version of the webhook server: {@code VersionTLS10}, {@code VersionTLS11}, {@code VersionTLS12} or
     * {@code VersionTLS13}. Applied through {@link TlsMinVersionInterceptor}; any other value aborts start-up.
     */
    @WithDefault("VersionTLS12")
    String tlsMinVersion();

    /** Webhook server cipher suites (IANA names, as upstream takes them); unset means the JDK defaults. */
    Optional<List<String>> tlsCipherSuite();

    /** Envoy sidecar injection ({@code appmesh.injection.*}). */
    InjectionConfig injection();

    /** The embedded xDS control plane ({@code appmesh.xds.*}), used when {@code appmesh.backend=xds}. */
    XdsConfig xds();
}
