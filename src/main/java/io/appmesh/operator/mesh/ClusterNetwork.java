package io.appmesh.operator.mesh;

import java.util.Optional;

/** What the cloud knows of the cluster's network (EKS: {@code aws/EksClusterNetwork}). */
public interface ClusterNetwork {

    /** The IP family ({@code ipv4}, {@code ipv6}) of the named cluster, or empty when it cannot be told (logged). */
    Optional<String> ipFamily(String clusterName);
}
