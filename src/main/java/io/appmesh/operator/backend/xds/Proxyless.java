package io.appmesh.operator.backend.xds;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.listener.v3.ApiListener;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;

/**
 * Proxyless gRPC clients: applications whose gRPC library is the xDS client (grpc-java's, grpc-go's, …) and dial
 * {@code xds:///<virtual service awsName>:<port>}. They cannot use a sidecar's socket listeners (grpc-xds refuses
 * client listeners without an {@code api_listener}), so they get one API listener per backend host and port, named as
 * they dial it.
 */
public final class Proxyless {

    /** Istio's node metadata key naming the configuration generator a client wants; {@code grpc} for proxyless. */
    static final String GENERATOR = "GENERATOR";
    /**
     * gRPC libraries put their name in {@code node.user_agent_name}: "gRPC Java", "gRPC Go", "gRPC C-core" (what
     * Python, C++ and others use). Envoy says "envoy", so the prefix tells them apart.
     */
    static final String GRPC_USER_AGENT_PREFIX = "gRPC ";

    private Proxyless() {
    }

    /**
     * Whether a connecting node is a proxyless gRPC client: node metadata {@code GENERATOR: grpc} (Istio's
     * convention, which a bootstrap can set for any library), or a gRPC library's user agent name.
     */
    public static boolean isGrpcClient(Node node) {
        var generator = node.getMetadata().getFieldsMap().get(GENERATOR);
        if (generator != null && "grpc".equals(generator.getStringValue())) {
            return true;
        }
        return node.getUserAgentName().startsWith(GRPC_USER_AGENT_PREFIX);
    }

    /**
     * The API listener of one backend host and port. Its routes are inline rather than served by RDS: each listener
     * holds exactly one host, so a separate RouteConfiguration would only add a watch and a round trip before the
     * first call (grpc-xds resolves LDS, then RDS, then CDS/EDS), and listener and routes then change together. It
     * also keeps the sidecar's {@code rds_egress_http_<port>} out of it: that one serves every host of the port and,
     * with ALLOW_ALL, a {@code *} host on an ORIGINAL_DST cluster, a cluster type grpc-xds refuses. The HTTP
     * connection manager holds only what grpc-xds reads: the routes and the router filter, last (grpc-xds requires
     * a terminal filter; it also runs with typed configs only).
     */
    static Listener listener(int port, VirtualHost host) {
        String name = Names.proxylessListener(host.getName(), port);
        HttpConnectionManager hcm = HttpConnectionManager.newBuilder().setStatPrefix("egress")
                .setRouteConfig(RouteConfiguration.newBuilder().setName(name).addVirtualHosts(host))
                .addHttpFilters(HttpFilter.newBuilder().setName("envoy.filters.http.router")
                        .setTypedConfig(Protos.any(Router.getDefaultInstance())))
                .build();
        return Listener.newBuilder().setName(name)
                .setApiListener(ApiListener.newBuilder().setApiListener(Protos.any(hcm))).build();
    }
}
