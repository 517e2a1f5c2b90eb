package io.appmesh.operator.backend.xds;

import java.util.List;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.TypeRegistry;

import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDst;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * Every type the translator packs into an {@code Any}: to print resources as JSON (the config dump, the golden files)
 * and to check inside them. A type packed but missing here prints as an error, which the golden tests would show.
 */
final class EnvoyTypes {

    private EnvoyTypes() {
    }

    /** The extension types inside the translator's resources. */
    static final List<Descriptor> PACKED = List.of(HttpConnectionManager.getDescriptor(),
            TcpProxy.getDescriptor(), Router.getDescriptor(), OriginalDst.getDescriptor(), TlsInspector.getDescriptor(),
            FileAccessLog.getDescriptor(), HttpProtocolOptions.getDescriptor(), PreviousHostsPredicate.getDescriptor(),
            DownstreamTlsContext.getDescriptor(), UpstreamTlsContext.getDescriptor());

    static final TypeRegistry REGISTRY = TypeRegistry.newBuilder().add(PACKED).build();

    /** The xDS resources and the admin dump types: what the server and the config dump pack into {@code Any}s. */
    static final List<Descriptor> RESOURCES = List.of(Cluster.getDescriptor(), ClusterLoadAssignment.getDescriptor(),
            Listener.getDescriptor(), RouteConfiguration.getDescriptor(), ClustersConfigDump.getDescriptor(),
            EndpointsConfigDump.getDescriptor(), ListenersConfigDump.getDescriptor(), RoutesConfigDump.getDescriptor());

    /** {@link #REGISTRY} plus the resources and the admin dump types a config dump nests in {@code Any}s. */
    static final TypeRegistry DUMP_REGISTRY = TypeRegistry.newBuilder().add(PACKED).add(RESOURCES).build();
}
