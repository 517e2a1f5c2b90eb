package io.appmesh.operator.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.appmesh.operator.mesh.ClusterNetwork;

import software.amazon.awssdk.services.eks.EksClient;

/** EKS {@code DescribeCluster} → {@code kubernetesNetworkConfig.ipFamily}, as upstream asks it once at start-up. */
@ApplicationScoped
public class EksClusterNetwork implements ClusterNetwork {

    private static final Logger LOG = Logger.getLogger(EksClusterNetwork.class);

    private final AwsClients aws;

    public EksClusterNetwork(AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public Optional<String> ipFamily(String clusterName) {
        try (EksClient eks = aws.eks(Duration.ofSeconds(10))) {
            String family = eks.describeCluster(r -> r.name(clusterName)).cluster().kubernetesNetworkConfig()
                    .ipFamilyAsString();
            LOG.infof("EKS cluster %s: ip family %s", clusterName, family);
            return Optional.ofNullable(family).map(f -> f.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the ip family of EKS cluster %s, treating it as IPv4: %s", clusterName, e.getMessage());
            return Optional.empty();
        }
    }
}
