package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * Everything the Envoy of one virtual gateway needs.
 *
 * @param mesh the mesh's awsName
 * @param gateway the gateway's awsName
 * @param listeners the gateway's listeners, in spec order
 * @param accessLog the file access log, or null for none
 * @param routes the gateway routes attached to the gateway, in the order Envoy tries them (see {@link GatewayModels})
 * @param backends the virtual services the routes target, each with its provider's routes as a sidecar calling it
 *        gets them (the gateway forwards to itself and routes these like a sidecar's egress) and the gateway's
 *        backend defaults as client policy
 */
public record GatewayModel(String mesh, String gateway, List<Listener> listeners, AccessLogModel accessLog,
        List<Route> routes, List<BackendModel> backends) {

    /**
     * A gateway listener. Its health check has no Envoy-side effect: a virtual node's is applied by its callers'
     * clusters, but nothing in the mesh calls a gateway (what balances traffic onto its pods checks them itself).
     *
     * @param pool the connection pool, or null
     * @param healthCheck the listener's health check, or null
     * @param tls the listener's TLS, or null for plaintext
     */
    public record Listener(int port, Protocol protocol, ListenerModel.ConnectionPool pool,
            ListenerModel.HealthCheck healthCheck, TlsModel.Listener tls) {

        /** A plaintext listener. */
        public Listener(int port, Protocol protocol, ListenerModel.ConnectionPool pool,
                ListenerModel.HealthCheck healthCheck) {
            this(port, protocol, pool, healthCheck, null);
        }
    }

    /**
     * A gateway route.
     *
     * @param name the GatewayRoute's awsName
     * @param protocol http, http2 or grpc (the listener protocol it serves)
     * @param priority the priority, or null (lowest)
     * @param match path/prefix/headers/method/query (http) or service name and metadata (grpc)
     * @param hostnameExact the hostname match's exact value, or null
     * @param hostnameSuffix the hostname match's suffix, or null
     * @param port the listener port it is limited to, or null for every listener of its protocol
     * @param service the target virtual service's awsName
     * @param servicePort the target port, or null for the service's only port
     * @param rewrite the rewrites to apply
     */
    public record Route(String name, Protocol protocol, Long priority, MatchModel match, String hostnameExact,
            String hostnameSuffix, Integer port, String service, Integer servicePort, Rewrite rewrite) {
    }

    /**
     * App Mesh's gateway route rewrites.
     *
     * @param defaultPrefix whether a prefix match's prefix is rewritten to {@code /} (App Mesh's default)
     * @param prefix the replacement of the matched prefix, or null
     * @param path the replacement of an exactly matched path, or null
     * @param defaultHostname whether the host is rewritten to the target service's name (App Mesh's default)
     */
    public record Rewrite(boolean defaultPrefix, String prefix, String path, boolean defaultHostname) {

        public static final Rewrite DEFAULT = new Rewrite(true, null, null, true);
    }
}
