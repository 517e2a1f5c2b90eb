package io.appmesh.operator.backend.xds;

import java.util.List;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;

/** The Envoy resources of one virtual node's proxy, each list in a stable order (by name). */
public record EnvoyResources(List<Listener> listeners, List<RouteConfiguration> routes, List<Cluster> clusters,
        List<ClusterLoadAssignment> endpoints) {
}
