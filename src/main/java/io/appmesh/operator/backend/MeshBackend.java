package io.appmesh.operator.backend;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.MeshScope;
import io.appmesh.operator.mesh.Resolved;

/**
 * The one port reconcilers call: make the backend's object match a resolved resource ({@code sync}, idempotent, no
 * write when nothing differs) or remove it ({@code delete}, tolerant of an object that is already gone). Backends: AWS
 * App Mesh ({@code backend/aws}) and the embedded xDS control plane ({@code backend/xds}).
 * <p>
 * {@code delete} methods receive whether the resource ever recorded a backend id (its status' ARN): when it did not
 * and the backend cannot even look the object up, there is nothing to clean up (upstream's rule).
 */
public interface MeshBackend {

    BackendState sync(Mesh mesh);

    void delete(Mesh mesh, boolean recorded);

    BackendState syncVirtualNode(Resolved<VirtualNode> node);

    void delete(MeshScope mesh, VirtualNode node, boolean recorded);

    BackendState syncVirtualService(Resolved<VirtualService> service);

    void delete(MeshScope mesh, VirtualService service, boolean recorded);

    BackendState syncVirtualRouter(Resolved<VirtualRouter> router);

    void delete(MeshScope mesh, VirtualRouter router, boolean recorded);

    BackendState syncVirtualGateway(Resolved<VirtualGateway> gateway);

    void delete(MeshScope mesh, VirtualGateway gateway, boolean recorded);

    BackendState syncGatewayRoute(Resolved<GatewayRoute> route, String virtualGatewayName);

    void delete(MeshScope mesh, String virtualGatewayName, GatewayRoute route, boolean recorded);

    /**
     * Calls {@code nodeChanged(namespace, name)} whenever what a VirtualNode's proxies report about their configuration
     * changes (the {@link BackendState#rejection()} its next sync returns). AWS App Mesh reports nothing of the kind.
     */
    default void watchProxies(java.util.function.BiConsumer<String, String> nodeChanged) {
    }

    /** As {@link #watchProxies}, for a VirtualGateway's proxies. */
    default void watchGatewayProxies(java.util.function.BiConsumer<String, String> gatewayChanged) {
    }
}
