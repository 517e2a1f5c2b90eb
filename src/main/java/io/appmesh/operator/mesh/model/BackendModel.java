package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * A virtual service a node may call.
 *
 * @param name the service's awsName (the host callers use)
 * @param ports per port of its provider (a virtual node's listeners, or a virtual router's listeners), the routes;
 *        empty when the service has no provider or the provider is unknown
 * @param tls the enforced client policy towards the service (its own, else the caller's backend defaults), or null
 */
public record BackendModel(String name, List<PortRoutes> ports, TlsModel.Client tls) {

    /** A backend called in plaintext. */
    public BackendModel(String name, List<PortRoutes> ports) {
        this(name, ports, null);
    }

    /** The routes of one provider port, in priority order. */
    public record PortRoutes(int port, Protocol protocol, List<RouteModel> routes) {
    }
}
