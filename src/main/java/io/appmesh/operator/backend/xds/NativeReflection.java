package io.appmesh.operator.backend.xds;

import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
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
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the native image needs of the Envoy API classes. The api jar's gencode (protoc 3.25) answers
 * {@code getDescriptorForType()} through its field accessor table, which finds every field's getters and setters by
 * reflection; {@code Any.pack} calls it on each message it packs. So every type packed into an {@code Any} — the
 * extension types inside the resources ({@link EnvoyTypes#PACKED}), the resources java-control-plane packs into its
 * responses and the config dump's types ({@link EnvoyTypes#RESOURCES}) — has its message and builder methods
 * registered here, and nothing else (the api jar holds thousands of classes). {@code NativeReflectionTest} keeps this
 * list equal to those two; the native process tests ({@code make test-native}) found the need.
 */
@RegisterForReflection(methods = true, fields = false, targets = {
        HttpConnectionManager.class, HttpConnectionManager.Builder.class, TcpProxy.class, TcpProxy.Builder.class,
        Router.class, Router.Builder.class, OriginalDst.class, OriginalDst.Builder.class, TlsInspector.class,
        TlsInspector.Builder.class, FileAccessLog.class, FileAccessLog.Builder.class, HttpProtocolOptions.class,
        HttpProtocolOptions.Builder.class, PreviousHostsPredicate.class, PreviousHostsPredicate.Builder.class,
        Cluster.class, Cluster.Builder.class, ClusterLoadAssignment.class, ClusterLoadAssignment.Builder.class,
        Listener.class, Listener.Builder.class, RouteConfiguration.class, RouteConfiguration.Builder.class,
        ClustersConfigDump.class, ClustersConfigDump.Builder.class, EndpointsConfigDump.class,
        EndpointsConfigDump.Builder.class, ListenersConfigDump.class, ListenersConfigDump.Builder.class,
        RoutesConfigDump.class, RoutesConfigDump.Builder.class, ConfigDump.class, ConfigDump.Builder.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
