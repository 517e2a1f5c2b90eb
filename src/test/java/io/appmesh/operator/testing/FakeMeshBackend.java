package io.appmesh.operator.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.backend.MeshBackend;
import io.appmesh.operator.mesh.MeshScope;
import io.appmesh.operator.mesh.Resolved;

/**
 * A {@link MeshBackend} that keeps nothing and records every call, for tests of the reconcile pass itself: each object
 * is "created" with id {@code fake:<Kind>/<awsName>}, Active unless told otherwise, and a call can be made to fail.
 */
public class FakeMeshBackend implements MeshBackend {

    /** One call: {@code sync} or {@code delete}, the kind and AWS name, and for deletes whether an id was recorded. */
    public record Call(String operation, String kind, String name, Boolean recorded, Instant at) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> inactive = new ConcurrentHashMap<>();

    public List<Call> calls() {
        return calls;
    }

    public List<Call> calls(String operation, String kind, String name) {
        return calls.stream().filter(c -> c.operation().equals(operation) && c.kind().equals(kind)
                && c.name().equals(name)).toList();
    }

    /** Every call for this object fails with {@code failure} until {@link #succeed}. */
    public void fail(String kind, String name, RuntimeException failure) {
        failures.put(kind + "/" + name, failure);
    }

    public void succeed(String kind, String name) {
        failures.remove(kind + "/" + name);
    }

    /** Whether the object reports itself usable (App Mesh's ACTIVE). */
    public void active(String kind, String name, boolean active) {
        inactive.put(kind + "/" + name, !active);
    }

    public static BackendException rejected(String message) {
        return new BackendException("BadRequestException", message, null);
    }

    public static BackendException unavailable() {
        return new BackendException("ServiceUnavailableException", "the backend did not answer", null, true);
    }

    private BackendState sync(String kind, String name) {
        calls.add(new Call("sync", kind, name, null, Instant.now()));
        RuntimeException failure = failures.get(kind + "/" + name);
        if (failure != null) {
            throw failure;
        }
        return new BackendState("fake:" + kind + "/" + name, !inactive.getOrDefault(kind + "/" + name, false));
    }

    private void delete(String kind, String name, boolean recorded) {
        calls.add(new Call("delete", kind, name, recorded, Instant.now()));
        RuntimeException failure = failures.get(kind + "/" + name);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public BackendState sync(Mesh mesh) {
        return sync("Mesh", mesh.getSpec().getAwsName());
    }

    @Override
    public void delete(Mesh mesh, boolean recorded) {
        delete("Mesh", mesh.getSpec().getAwsName(), recorded);
    }

    @Override
    public BackendState syncVirtualNode(Resolved<VirtualNode> node) {
        return sync("VirtualNode", node.resource().getSpec().getAwsName());
    }

    @Override
    public void delete(MeshScope mesh, VirtualNode node, boolean recorded) {
        delete("VirtualNode", node.getSpec().getAwsName(), recorded);
    }

    @Override
    public BackendState syncVirtualService(Resolved<VirtualService> service) {
        return sync("VirtualService", service.resource().getSpec().getAwsName());
    }

    @Override
    public void delete(MeshScope mesh, VirtualService service, boolean recorded) {
        delete("VirtualService", service.getSpec().getAwsName(), recorded);
    }

    @Override
    public BackendState syncVirtualRouter(Resolved<VirtualRouter> router) {
        return sync("VirtualRouter", router.resource().getSpec().getAwsName());
    }

    @Override
    public void delete(MeshScope mesh, VirtualRouter router, boolean recorded) {
        delete("VirtualRouter", router.getSpec().getAwsName(), recorded);
    }

    @Override
    public BackendState syncVirtualGateway(Resolved<VirtualGateway> gateway) {
        return sync("VirtualGateway", gateway.resource().getSpec().getAwsName());
    }

    @Override
    public void delete(MeshScope mesh, VirtualGateway gateway, boolean recorded) {
        delete("VirtualGateway", gateway.getSpec().getAwsName(), recorded);
    }

    @Override
    public BackendState syncGatewayRoute(Resolved<GatewayRoute> route, String virtualGatewayName) {
        return sync("GatewayRoute", route.resource().getSpec().getAwsName());
    }

    @Override
    public void delete(MeshScope mesh, String virtualGatewayName, GatewayRoute route, boolean recorded) {
        delete("GatewayRoute", route.getSpec().getAwsName(), recorded);
    }
}
