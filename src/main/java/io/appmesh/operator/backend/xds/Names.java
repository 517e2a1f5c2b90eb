package io.appmesh.operator.backend.xds;

import io.appmesh.operator.mesh.model.Protocol;

/** The resource names App Mesh's management service gave (dashboards and stats tags key on them). */
final class Names {

    private Names() {
    }

    static final String INGRESS_LISTENER = "lds_ingress_0.0.0.0_" + AppMeshDefaults.INGRESS_PORT;
    static final String EGRESS_LISTENER = "lds_egress_0.0.0.0_" + AppMeshDefaults.EGRESS_PORT;

    /**
     * The static cluster aws-appmesh-envoy's bootstrap adds when {@code APPMESH_SDS_SOCKET_PATH} is set (a pipe to the
     * SDS server's unix socket, e.g. SPIRE's agent): every SDS secret is fetched through it. Not served by CDS.
     */
    static final String SDS_CLUSTER = "static_cluster_sds_unix_socket";

    static String ingressCluster(String mesh, String node, Protocol protocol, int port) {
        return "cds_ingress_" + mesh + "_" + node + "_" + protocol.value() + "_" + port;
    }

    static String egressCluster(String mesh, String node, Protocol protocol, int port) {
        return "cds_egress_" + mesh + "_" + node + "_" + protocol.value() + "_" + port;
    }

    /** The original-destination cluster of AWS endpoints, reachable whatever the egress filter. */
    static String amazonawsCluster(String mesh) {
        return "cds_egress_" + mesh + "_amazonaws";
    }

    /** The original-destination cluster of an ALLOW_ALL mesh's passthrough. */
    static String allowAllCluster(String mesh) {
        return "cds_egress_" + mesh + "_mesh-allow-all";
    }

    /** A virtual gateway's listener on one of its ports. */
    static String gatewayListener(int port) {
        return "lds_ingress_0.0.0.0_" + port;
    }

    /**
     * The cluster through which a virtual gateway sends a matched request to its own egress listener; App Mesh's dump
     * shows {@code _http_15001}, other protocols' names are inferred the same way. A gateway with several listeners
     * has one per listener, named with that listener's port ({@code _self_redirect_<port>_<protocol>_15001}, App
     * Mesh's multi-listener naming), so that each carries its own listener's connection pool.
     *
     * @param listenerPort the gateway listener's port when the gateway has several listeners, else null
     */
    static String selfRedirectCluster(String mesh, String gateway, Integer listenerPort, Protocol protocol) {
        return "cds_ingress_" + mesh + "_" + gateway + "_self_redirect_"
                + (listenerPort == null ? "" : listenerPort + "_") + protocol.value() + "_"
                + AppMeshDefaults.EGRESS_PORT;
    }

    static String ingressRoutes(int port) {
        return "rds_ingress_http_" + port;
    }

    static String egressRoutes(int port) {
        return "rds_egress_http_" + port;
    }

    /** A proxyless gRPC client's listener: the name it dials, {@code xds:///<service>:<port>}. */
    static String proxylessListener(String service, int port) {
        return service + ":" + port;
    }
}
