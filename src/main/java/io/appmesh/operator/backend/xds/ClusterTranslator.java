package io.appmesh.operator.backend.xds;

import io.appmesh.operator.mesh.model.ListenerModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.TargetModel;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.envoyproxy.envoy.config.core.v3.HealthCheck;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * Clusters: the local application behind each listener ({@code cds_ingress_…}, STATIC on 127.0.0.1, the listener's
 * connection pool as circuit breakers), each target node a caller reaches ({@code cds_egress_…}: EDS when the node
 * selects pods, LOGICAL_DNS on its hostname otherwise — STRICT_DNS with DNS {@code responseType: ENDPOINTS}, so that
 * every address the name resolves to is an endpoint; the target listener's outlier detection and health check; TLS
 * when the caller's client policy is enforced for the target's port, {@link TlsTranslator}), and
 * the original-destination clusters of AWS endpoints and of an ALLOW_ALL mesh.
 */
final class ClusterTranslator {

    private ClusterTranslator() {
    }

    static Cluster local(NodeModel node, ListenerModel listener) {
        String name = Names.ingressCluster(node.mesh(), node.node(), listener.protocol(), listener.port());
        ListenerModel.ConnectionPool pool = listener.pool();
        Cluster.Builder cluster = Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.STATIC)
                .setConnectTimeout(Protos.duration(AppMeshDefaults.CONNECT_TIMEOUT))
                .setLoadAssignment(EndpointTranslator.local(name, listener.port()))
                .setCircuitBreakers(pool == null
                        ? AppMeshDefaults.circuitBreakers(null, null, null)
                        : AppMeshDefaults.circuitBreakers(pool.maxConnections(), pool.maxPendingRequests(),
                                pool.maxRequests()));
        if (listener.protocol().http2()) {
            http2(cluster);
        }
        return cluster.build();
    }

    static Cluster egress(NodeModel node, TargetModel target) {
        String name = Names.egressCluster(node.mesh(), target.node(), target.protocol(), target.port());
        Cluster.Builder cluster = Cluster.newBuilder().setName(name)
                .setConnectTimeout(Protos.duration(AppMeshDefaults.CONNECT_TIMEOUT))
                .setCircuitBreakers(AppMeshDefaults.circuitBreakers(null, null, null))
                .setMetadata(Protos.aggregateStats("TargetVirtualNode", target.node()));
        if (target.hostname() != null) {
            cluster.setType(target.dnsEndpoints() ? Cluster.DiscoveryType.STRICT_DNS : Cluster.DiscoveryType.LOGICAL_DNS)
                    .setLoadAssignment(EndpointTranslator.dns(name, target.hostname(), target));
        } else {
            cluster.setType(Cluster.DiscoveryType.EDS).setEdsClusterConfig(
                    Cluster.EdsClusterConfig.newBuilder().setEdsConfig(Protos.ads()).setServiceName(name));
        }
        if (target.protocol().http2()) {
            http2(cluster);
        }
        ListenerModel.Outlier outlier = target.listener().outlier();
        if (outlier != null) {
            cluster.setOutlierDetection(OutlierDetection.newBuilder()
                    .setConsecutive5Xx(Protos.uint32(outlier.maxServerErrors()))
                    .setInterval(Protos.duration(outlier.interval()))
                    .setBaseEjectionTime(Protos.duration(outlier.baseEjection()))
                    .setMaxEjectionPercent(Protos.uint32(outlier.maxEjectionPercent())));
        }
        ListenerModel.HealthCheck check = target.listener().healthCheck();
        if (check != null) {
            cluster.addHealthChecks(healthCheck(check));
        }
        TlsTranslator.upstream(node, target).ifPresent(cluster::setTransportSocket);
        return cluster.build();
    }

    /** An original-destination cluster: connections go where the application sent them. */
    static Cluster originalDestination(String name) {
        return Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.ORIGINAL_DST)
                .setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED)
                .setConnectTimeout(Protos.duration(AppMeshDefaults.CONNECT_TIMEOUT))
                .setCircuitBreakers(AppMeshDefaults.circuitBreakers(null, null, null)).build();
    }

    private static HealthCheck healthCheck(ListenerModel.HealthCheck check) {
        HealthCheck.Builder hc = HealthCheck.newBuilder().setTimeout(Protos.duration(check.timeout()))
                .setInterval(Protos.duration(check.interval()))
                .setHealthyThreshold(Protos.uint32(check.healthyThreshold()))
                .setUnhealthyThreshold(Protos.uint32(check.unhealthyThreshold()));
        switch (check.protocol()) {
            case HTTP, HTTP2 -> hc.setHttpHealthCheck(HealthCheck.HttpHealthCheck.newBuilder()
                    .setPath(check.path() == null ? "/" : check.path())
                    .setCodecClientType(check.protocol() == io.appmesh.operator.mesh.model.Protocol.HTTP2
                            ? io.envoyproxy.envoy.type.v3.CodecClientType.HTTP2
                            : io.envoyproxy.envoy.type.v3.CodecClientType.HTTP1));
            case GRPC -> hc.setGrpcHealthCheck(HealthCheck.GrpcHealthCheck.getDefaultInstance());
            case TCP -> hc.setTcpHealthCheck(HealthCheck.TcpHealthCheck.getDefaultInstance());
        }
        return hc.build();
    }

    static void http2(Cluster.Builder cluster) {
        cluster.putTypedExtensionProtocolOptions("envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                Protos.any(HttpProtocolOptions.newBuilder()
                        .setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                                .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
                        .build()));
    }
}
