package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * A virtual service a node may call.
 *
 * @param name the service's awsName (the host callers use)
 * @param ports per port of its provider (a virtual node's listeners, or a virtual router's listeners), the routes;
 *        empty when the service has no provider or the provider is unknown
 */
public record BackendModel(String name, List<PortRoutes> ports) {

    /** The routes of one provider port, in priority order. */
    public record PortRoutes(int port, Protocol protocol, List<RouteModel> routes) {
    }
}
