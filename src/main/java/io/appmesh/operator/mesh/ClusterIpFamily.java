package io.appmesh.operator.mesh;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.config.OperatorConfig;

/**
 * The cluster's IP family, which decides the Mesh {@code meshServiceDiscovery.ipPreference} default. Known only when
 * configured; otherwise unknown, which upstream treats as IPv4.
 */
@ApplicationScoped
public class ClusterIpFamily {

    private final boolean ipv6;

    public ClusterIpFamily(OperatorConfig config) {
        this.ipv6 = config.clusterIpFamily().map(f -> f.trim().toLowerCase(Locale.ROOT)).filter("ipv6"::equals).isPresent();
    }

    public boolean isIpv6() {
        return ipv6;
    }
}
