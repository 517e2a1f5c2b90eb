package io.appmesh.operator.backend.xds;

import io.appmesh.operator.mesh.model.TargetModel;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;

/**
 * Endpoints: the ready pods of a target node at its listener port (EDS), a DNS hostname (App Mesh writes it fully
 * qualified, with the trailing dot), the local application on 127.0.0.1. A health check on another port than the
 * listener's is set per endpoint.
 */
final class EndpointTranslator {

    private EndpointTranslator() {
    }

    /**
     * The EDS resource of a target node's cluster; no localities when no pod is ready. The locality carries a load
     * balancing weight of 1: Envoy ignores it (no locality-weighted balancing is configured), but gRPC's xDS client
     * drops every locality without a weight, so without it a proxyless client sees no endpoint at all.
     */
    static ClusterLoadAssignment pods(String cluster, TargetModel target) {
        ClusterLoadAssignment.Builder cla = ClusterLoadAssignment.newBuilder().setClusterName(cluster);
        if (!target.endpoints().isEmpty()) {
            LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder().setLoadBalancingWeight(Protos.uint32(1));
            target.endpoints().forEach(ip -> locality.addLbEndpoints(endpoint(ip, target)));
            cla.addEndpoints(locality);
        }
        return cla.build();
    }

    static ClusterLoadAssignment dns(String cluster, String hostname, TargetModel target) {
        String fqdn = hostname.endsWith(".") ? hostname : hostname + ".";
        return ClusterLoadAssignment.newBuilder().setClusterName(cluster)
                .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(endpoint(fqdn, target))).build();
    }

    static ClusterLoadAssignment local(String cluster, int port) {
        return ClusterLoadAssignment.newBuilder().setClusterName(cluster)
                .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
                        .setEndpoint(Endpoint.newBuilder().setAddress(Protos.address("127.0.0.1", port)))))
                .build();
    }

    private static LbEndpoint endpoint(String address, TargetModel target) {
        Endpoint.Builder endpoint = Endpoint.newBuilder().setAddress(Protos.address(address, target.port()));
        var check = target.listener().healthCheck();
        if (check != null && check.port() != null && check.port() != target.port()) {
            endpoint.setHealthCheckConfig(Endpoint.HealthCheckConfig.newBuilder().setPortValue(check.port()));
        }
        return LbEndpoint.newBuilder().setEndpoint(endpoint).build();
    }
}
