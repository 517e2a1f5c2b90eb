package io.appmesh.operator.mesh;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.appmesh.operator.aws.AwsClients;
import io.appmesh.operator.config.OperatorConfig;

import software.amazon.awssdk.services.eks.EksClient;

/**
 * The cluster's IP family, which decides the Mesh {@code meshServiceDiscovery.ipPreference} default: stated by
 * {@code appmesh.cluster-ip-family}, else EKS {@code DescribeCluster(cluster-name)} → kubernetesNetworkConfig.ipFamily,
 * asked once, as upstream asks once at start-up. No cluster name, or no answer (logged), means unknown: IPv4.
 */
@ApplicationScoped
public class ClusterIpFamily {

    private static final Logger LOG = Logger.getLogger(ClusterIpFamily.class);

    private final OperatorConfig config;
    private final AwsClients aws;
    private volatile Boolean ipv6;

    public ClusterIpFamily(OperatorConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
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
        Optional<String> cluster = config.clusterName().filter(name -> !name.isBlank());
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        try (EksClient eks = aws.eks(Duration.ofSeconds(10))) {
            String family = eks.describeCluster(r -> r.name(cluster.get())).cluster().kubernetesNetworkConfig()
                    .ipFamilyAsString();
            LOG.infof("EKS cluster %s: ip family %s", cluster.get(), family);
            return Optional.ofNullable(family).map(f -> f.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the ip family of EKS cluster %s, treating it as IPv4: %s", cluster.get(), e.getMessage());
            return Optional.empty();
        }
    }
}
