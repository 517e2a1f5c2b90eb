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
}
