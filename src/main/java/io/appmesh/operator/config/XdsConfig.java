package io.appmesh.operator.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/** The embedded xDS control plane ({@code appmesh.xds.*}); none of these is an upstream flag. */
public interface XdsConfig {

    /**
     * The plaintext ADS port (gRPC, Envoy API v3). 15010 is where Istio's istiod serves plaintext xDS, a port Envoy
     * users already open in network policies; 0 takes a free port (tests).
     */
    @WithDefault("15010")
    int port();

    /** The address the ADS server binds to. */
    @WithDefault("0.0.0.0")
    String bindAddress();

    /** A rebuild waits for this long without a further change (Istio debounces 100 ms)… */
    @WithDefault("100ms")
    Duration debounce();

    /** …but never longer than this after the first change, so that a steady trickle of changes still goes out. */
    @WithDefault("1s")
    Duration debounceMax();

    /**
     * How long a cluster no route uses any more stays served (make-before-break): Envoy applies clusters before
     * routes, so a cluster removed in the same push as the route that used it would leave that route pointing at
     * nothing until the routes arrive.
     */
    @WithDefault("2s")
    Duration clusterLinger();

    /**
     * Serve {@code /q/xds/<node id>}: the resources one node receives, as Envoy config-dump JSON. It reveals the whole
     * configuration of any node, what the xDS channel protects, so it is off unless enabled.
     */
    @WithDefault("false")
    boolean configDump();

    /** TLS on the ADS port; the serving certificate is the webhook's (the same Service name). */
    Tls tls();

    /**
     * Require a projected ServiceAccount token ({@code authorization: Bearer}, audience {@link #tokenAudience()}),
     * checked with a TokenReview, from every ADS stream, and serve a node only to the pods it selects. Off only for
     * tests and benchmarks that speak to the server without a pod identity.
     */
    @WithDefault("true")
    boolean authenticate();

    /** The audience of the projected token the injector mounts into Envoy, and the one the server accepts. */
    @WithDefault("appmesh-xds")
    String tokenAudience();

    /** Lifetime of that token (the kubelet refreshes it at 80 %; Kubernetes' minimum is 600). */
    @WithDefault("3600")
    long tokenExpirationSeconds();

    /** Where injected Envoys reach this server: the operator's Service, its {@code grpc-xds} port. */
    @WithDefault("appmesh-operator.appmesh-system.svc:15010")
    String serviceAddress();

    interface Tls {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("/tmp/k8s-webhook-server/serving-certs/tls.crt")
        String certFile();

        @WithDefault("/tmp/k8s-webhook-server/serving-certs/tls.key")
        String keyFile();

        /**
         * The CA Envoys trust for this server (cert-manager writes {@code ca.crt} into the Secret); when the file does
         * not exist, the last certificate of {@link #certFile()} (a self-signed or OLM-issued certificate).
         */
        @WithDefault("/tmp/k8s-webhook-server/serving-certs/ca.crt")
        String caFile();
    }
}
