package io.appmesh.operator.backend.xds;

import com.google.protobuf.TypeRegistry;

import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.original_dst.v3.OriginalDst;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/** Every type the translator packs into an {@code Any}: to print resources as JSON and to check inside them. */
final class EnvoyTypes {

    private EnvoyTypes() {
    }

    static final TypeRegistry REGISTRY = TypeRegistry.newBuilder()
            .add(HttpConnectionManager.getDescriptor()).add(TcpProxy.getDescriptor()).add(Router.getDescriptor())
            .add(OriginalDst.getDescriptor()).add(TlsInspector.getDescriptor()).add(FileAccessLog.getDescriptor())
            .add(HttpProtocolOptions.getDescriptor()).add(PreviousHostsPredicate.getDescriptor()).build();
}
