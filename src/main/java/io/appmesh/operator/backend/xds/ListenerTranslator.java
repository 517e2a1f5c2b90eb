package io.appmesh.operator.backend.xds;

import java.time.Duration;
import java.util.List;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;

import io.appmesh.operator.mesh.model.AccessLogModel;
import io.appmesh.operator.mesh.model.ListenerModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.RouteModel;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.SubstitutionFormatString;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDst;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;

/**
 * The two sidecar listeners: {@code lds_ingress_0.0.0.0_15000} (a filter chain per node listener port, matched on
 * the original destination port; TLS as the listener's mode says, {@link TlsTranslator}) and {@code lds_egress_0.0.0.0_15001} (a filter chain per backend port; AWS
 * endpoints by TLS SNI; with ALLOW_ALL a default chain to the passthrough cluster). Every filter carries a
 * typed_config: aws-appmesh-envoy runs with extension lookup by name disabled.
 */
final class ListenerTranslator {

    private ListenerTranslator() {
    }

    static Listener ingress(NodeModel node) {
        Listener.Builder listener = Listener.newBuilder().setName(Names.INGRESS_LISTENER)
                .setAddress(Protos.address("0.0.0.0", AppMeshDefaults.INGRESS_PORT))
                .setTrafficDirection(TrafficDirection.INBOUND).addListenerFilters(originalDst());
        List<Integer> permissive = TlsTranslator.permissivePorts(node.listeners());
        if (!permissive.isEmpty()) {
            listener.addListenerFilters(TlsTranslator.inspector(permissive));
        }
        for (ListenerModel l : node.listeners()) {
            Filter filter = l.protocol() == io.appmesh.operator.mesh.model.Protocol.TCP
                    ? tcpProxy("ingress", Names.ingressCluster(node.mesh(), node.node(), l.protocol(), l.port()), l.idle(),
                            node.accessLog())
                    : httpConnectionManager("ingress", Names.ingressRoutes(l.port()), node.accessLog());
            listener.addAllFilterChains(TlsTranslator.chains(chain("ingress_" + l.port(), l.port(), filter), l.tls(),
                    l.protocol()));
        }
        return listener.build();
    }

    /**
     * @param ports each backend port with the filter that serves it (HTTP connection manager or TCP proxy)
     */
    static Listener egress(NodeModel node, List<PortFilter> ports) {
        Listener.Builder listener = Listener.newBuilder().setName(Names.EGRESS_LISTENER)
                .setAddress(Protos.address("0.0.0.0", AppMeshDefaults.EGRESS_PORT))
                .setTrafficDirection(TrafficDirection.OUTBOUND).addListenerFilters(originalDst())
                .addListenerFilters(TlsTranslator.inspector(List.of()));
        for (PortFilter port : ports) {
            listener.addFilterChains(chain("egress_" + port.port(), port.port(), port.filter()));
        }
        listener.addFilterChains(FilterChain.newBuilder().setName("egress_amazonaws")
                .setFilterChainMatch(FilterChainMatch.newBuilder().addAllServerNames(AppMeshDefaults.AWS_DOMAINS)
                        .setTransportProtocol("tls"))
                .addFilters(tcpProxy("egress", Names.amazonawsCluster(node.mesh()), null, node.accessLog())));
        if (node.allowAll()) {
            listener.setDefaultFilterChain(FilterChain.newBuilder().setName("egress_mesh-allow-all")
                    .addFilters(tcpProxy("egress", Names.allowAllCluster(node.mesh()), null, node.accessLog())));
        }
        return listener.build();
    }

    record PortFilter(int port, Filter filter) {
    }

    static Filter egressHttp(NodeModel node, int port) {
        return httpConnectionManager("egress", Names.egressRoutes(port), node.accessLog());
    }

    /** A TCP route's targets; zero weights are left out (a TCP proxy cannot hold them). */
    static Filter egressTcp(NodeModel node, RouteModel route) {
        List<RouteModel.Target> targets = route.targets().stream().filter(t -> t.weight() > 0).toList();
        TcpProxy.Builder proxy = TcpProxy.newBuilder().setStatPrefix("egress")
                .setIdleTimeout(Protos.duration(route.idle() == null ? AppMeshDefaults.IDLE_TIMEOUT : route.idle()));
        if (targets.size() == 1) {
            proxy.setCluster(cluster(node, targets.get(0)));
        } else {
            TcpProxy.WeightedCluster.Builder weighted = TcpProxy.WeightedCluster.newBuilder();
            targets.forEach(t -> weighted.addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder()
                    .setName(cluster(node, t)).setWeight(Math.toIntExact(t.weight()))));
            proxy.setWeightedClusters(weighted);
        }
        accessLog(node.accessLog(), proxy::addAccessLog);
        return Filter.newBuilder().setName("envoy.filters.network.tcp_proxy").setTypedConfig(Protos.any(proxy.build()))
                .build();
    }

    private static String cluster(NodeModel node, RouteModel.Target target) {
        return Names.egressCluster(node.mesh(), target.node().node(), target.node().protocol(), target.node().port());
    }

    private static FilterChain chain(String name, int port, Filter filter) {
        return FilterChain.newBuilder().setName(name)
                .setFilterChainMatch(FilterChainMatch.newBuilder().setDestinationPort(UInt32Value.of(port)))
                .addFilters(filter).build();
    }

    private static ListenerFilter originalDst() {
        return ListenerFilter.newBuilder().setName("envoy.filters.listener.original_dst")
                .setTypedConfig(Protos.any(OriginalDst.getDefaultInstance())).build();
    }

    static Filter httpConnectionManager(String statPrefix, String routes, AccessLogModel accessLog) {
        HttpConnectionManager.Builder hcm = HttpConnectionManager.newBuilder().setStatPrefix(statPrefix)
                .setCodecType(HttpConnectionManager.CodecType.AUTO)
                .setRds(Rds.newBuilder().setConfigSource(Protos.ads()).setRouteConfigName(routes))
                .addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.router")
                        .setTypedConfig(Protos.any(Router.getDefaultInstance())))
                .addUpgradeConfigs(HttpConnectionManager.UpgradeConfig.newBuilder().setUpgradeType("websocket"))
                .setNormalizePath(BoolValue.of(true)).setMergeSlashes(true);
        accessLog(accessLog, hcm::addAccessLog);
        return Filter.newBuilder().setName("envoy.filters.network.http_connection_manager")
                .setTypedConfig(Protos.any(hcm.build())).build();
    }

    private static Filter tcpProxy(String statPrefix, String cluster, Duration idle, AccessLogModel accessLog) {
        TcpProxy.Builder proxy = TcpProxy.newBuilder().setStatPrefix(statPrefix).setCluster(cluster)
                .setIdleTimeout(Protos.duration(idle == null ? AppMeshDefaults.IDLE_TIMEOUT : idle));
        accessLog(accessLog, proxy::addAccessLog);
        return Filter.newBuilder().setName("envoy.filters.network.tcp_proxy").setTypedConfig(Protos.any(proxy.build()))
                .build();
    }

    /**
     * A file access log: Envoy's default format, or App Mesh's custom format as the {@code log_format} — text as an
     * inline string, JSON as a Struct of format strings.
     */
    private static void accessLog(AccessLogModel log, java.util.function.Consumer<AccessLog> add) {
        if (log == null) {
            return;
        }
        FileAccessLog.Builder file = FileAccessLog.newBuilder().setPath(log.path());
        if (log.text() != null) {
            file.setLogFormat(SubstitutionFormatString.newBuilder()
                    .setTextFormatSource(DataSource.newBuilder().setInlineString(log.text())));
        } else if (!log.json().isEmpty()) {
            Struct.Builder json = Struct.newBuilder();
            log.json().forEach((key, format) -> json.putFields(key, Value.newBuilder().setStringValue(format).build()));
            file.setLogFormat(SubstitutionFormatString.newBuilder().setJsonFormat(json));
        }
        add.accept(AccessLog.newBuilder().setName("envoy.access_loggers.file")
                .setTypedConfig(Protos.any(file.build())).build());
    }
}
