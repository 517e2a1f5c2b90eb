package io.appmesh.operator.mesh;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.config.OperatorConfig;

/**
 * The cluster's IP family, which decides the Mesh {@code meshServiceDiscovery.ipPreference} default: stated by
 * {@code appmesh.cluster-ip-family}, else the cloud's answer for {@code appmesh.cluster-name} ({@link ClusterNetwork}; EKS),
 * asked once, as upstream asks once at start-up. No cluster name, or no answer (logged), means unknown: IPv4.
 */
@ApplicationScoped
public class ClusterIpFamily {

    private final OperatorConfig config;
    private final ClusterNetwork network;
    private volatile Boolean ipv6;

    public ClusterIpFamily(OperatorConfig config, ClusterNetwork network) {
        this.config = config;
        this.network = network;
    }

    public boolean isIpv6() {
        Boolean known = ipv6;
        if (known == null) {
            synchronized (this) {
                known = ipv6;
                if (known == null) {
                    known = "ipv6".equals(family().orElse(""));
                    ipv6 = known;
                }
            }
        }
        return known;
    }

    private Optional<String> family() {
        Optional<String> stated = config.clusterIpFamily().map(f -> f.trim().toLowerCase(Locale.ROOT));
        if (stated.isPresent()) {
            return stated;
        }
        return config.clusterName().filter(name -> !name.isBlank()).flatMap(network::ipFamily);
    }
}
