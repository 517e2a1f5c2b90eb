package io.appmesh.operator.backend.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.aws.AwsAccount;
import io.appmesh.operator.aws.AwsClients;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.backend.MeshBackend;
import io.appmesh.operator.mesh.MeshScope;
import io.appmesh.operator.mesh.Resolved;
import io.fabric8.kubernetes.api.model.HasMetadata;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.appmesh.model.GatewayRouteData;
import software.amazon.awssdk.services.appmesh.model.GatewayRouteSpec;
import software.amazon.awssdk.services.appmesh.model.MeshData;
import software.amazon.awssdk.services.appmesh.model.MeshSpec;
import software.amazon.awssdk.services.appmesh.model.NotFoundException;
import software.amazon.awssdk.services.appmesh.model.ResourceMetadata;
import software.amazon.awssdk.services.appmesh.model.RouteData;
import software.amazon.awssdk.services.appmesh.model.RouteRef;
import software.amazon.awssdk.services.appmesh.model.RouteSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualGatewayData;
import software.amazon.awssdk.services.appmesh.model.VirtualGatewaySpec;
import software.amazon.awssdk.services.appmesh.model.VirtualNodeData;
import software.amazon.awssdk.services.appmesh.model.VirtualNodeSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualRouterData;
import software.amazon.awssdk.services.appmesh.model.VirtualRouterListener;
import software.amazon.awssdk.services.appmesh.model.VirtualRouterSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualServiceData;
import software.amazon.awssdk.services.appmesh.model.VirtualServiceSpec;

/**
 * The AWS App Mesh backend: describe, then create when absent or update when the desired spec
 * differs from the described one, so that a converged object costs one read and no write per reconcile.
 * <ul>
 * <li>Equality is upstream's: absent equals empty ({@link SdkJson#write}), and an unset listener health-check port is
 * not a difference (AWS fills it in from the listener).</li>
 * <li>Objects whose {@code resourceOwner} is another account (shared meshes) are never updated or deleted.</li>
 * <li>Creates carry a {@code clientToken} derived from the resource's UID and generation, stable across SDK retries and
 * operator restarts, so a crash between the request and the status write cannot create twice. Updates carry none (the
 * SDK makes one per call, as upstream): the desired spec can change within one generation (a new VirtualService under a
 * {@code *} backend group), and App Mesh refuses a used token with another body; and an object changed in AWS by hand
 * must be repaired at the next resync, not answered from the token's memory.</li>
 * </ul>
 */
@ApplicationScoped
@Typed(AwsMeshBackend.class)
public class AwsMeshBackend implements MeshBackend {

    private static final Logger LOG = Logger.getLogger(AwsMeshBackend.class);
    private static final Map<String, String> ROUTE_PROTOCOLS = Map.of("httpRoute", "http", "http2Route", "http2",
            "grpcRoute", "grpc", "tcpRoute", "tcp");

    private final AwsClients clients;
    private final AwsAccount account;

    public AwsMeshBackend(AwsClients clients, AwsAccount account) {
        this.clients = clients;
        this.account = account;
    }

    // ----------------------------------------------------------------------------------------------------- Mesh

    @Override
    public BackendState sync(Mesh mesh) {
        String name = mesh.getSpec().getAwsName();
        String owner = mesh.getSpec().getMeshOwner();
        MeshSpec desired = spec(() -> AwsSpecs.mesh(mesh));
        Optional<MeshData> found = find("DescribeMesh",
                () -> appMesh().describeMesh(r -> r.meshName(name).meshOwner(owner)).mesh());
        MeshData data = converge(found, MeshData::metadata, MeshData::spec, desired, false, () -> {
            if (owner != null && !owner.equals(account.id())) {
                // Upstream would create the mesh in its own account here, which is never what the user meant.
                throw new BackendException("MeshNotFound", "mesh " + name + " of account " + owner
                        + " does not exist or is not shared with account " + account.id(), null);
            }
            return call("CreateMesh", () -> appMesh()
                    .createMesh(r -> r.meshName(name).spec(desired).clientToken(token(mesh, "CreateMesh"))).mesh());
        }, actual -> call("UpdateMesh", () -> appMesh()
                .updateMesh(r -> r.meshName(name).spec(desired)).mesh()));
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()));
    }

    @Override
    public void delete(Mesh mesh, boolean recorded) {
        String name = mesh.getSpec().getAwsName();
        String owner = mesh.getSpec().getMeshOwner();
        Optional<MeshData> found = findForCleanup(recorded, "DescribeMesh",
                () -> appMesh().describeMesh(r -> r.meshName(name).meshOwner(owner)).mesh());
        if (found.isPresent() && controlled(found.get().metadata())) {
            ignoreNotFound("DeleteMesh", () -> appMesh().deleteMesh(r -> r.meshName(name)));
        }
    }

    // ------------------------------------------------------------------------------------------------ VirtualNode

    @Override
    public BackendState syncVirtualNode(Resolved<VirtualNode> resolved) {
        MeshScope mesh = resolved.scope();
        VirtualNode node = resolved.resource();
        String name = node.getSpec().getAwsName();
        VirtualNodeSpec desired = spec(() -> AwsSpecs.virtualNode(resolved));
        Optional<VirtualNodeData> found = find("DescribeVirtualNode", () -> appMesh().describeVirtualNode(
                r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualNodeName(name)).virtualNode());
        VirtualNodeData data = converge(found, VirtualNodeData::metadata, VirtualNodeData::spec, desired, true,
                () -> call("CreateVirtualNode", () -> appMesh().createVirtualNode(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualNodeName(name).spec(desired)
                        .clientToken(token(node, "CreateVirtualNode"))).virtualNode()),
                actual -> call("UpdateVirtualNode", () -> appMesh().updateVirtualNode(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualNodeName(name).spec(desired)).virtualNode()));
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()));
    }

    @Override
    public void delete(MeshScope mesh, VirtualNode node, boolean recorded) {
        String name = node.getSpec().getAwsName();
        Optional<VirtualNodeData> found = findForCleanup(recorded, "DescribeVirtualNode", () -> appMesh()
                .describeVirtualNode(r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualNodeName(name))
                .virtualNode());
        if (found.isPresent() && controlled(found.get().metadata())) {
            ignoreNotFound("DeleteVirtualNode", () -> appMesh().deleteVirtualNode(
                    r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualNodeName(name)));
        }
    }

    // --------------------------------------------------------------------------------------------- VirtualService

    @Override
    public BackendState syncVirtualService(Resolved<VirtualService> resolved) {
        MeshScope mesh = resolved.scope();
        VirtualService service = resolved.resource();
        String name = service.getSpec().getAwsName();
        VirtualServiceSpec desired = spec(() -> AwsSpecs.virtualService(resolved));
        Optional<VirtualServiceData> found = find("DescribeVirtualService", () -> appMesh().describeVirtualService(
                r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualServiceName(name))
                .virtualService());
        // Upstream updates in the described object's mesh (same name and owner as ours).
        VirtualServiceData data = converge(found, VirtualServiceData::metadata, VirtualServiceData::spec, desired, false,
                () -> call("CreateVirtualService", () -> appMesh().createVirtualService(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualServiceName(name).spec(desired)
                        .clientToken(token(service, "CreateVirtualService"))).virtualService()),
                actual -> call("UpdateVirtualService", () -> appMesh().updateVirtualService(r -> r.meshName(actual.meshName())
                        .meshOwner(actual.metadata().meshOwner()).virtualServiceName(name).spec(desired)).virtualService()));
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()));
    }

    @Override
    public void delete(MeshScope mesh, VirtualService service, boolean recorded) {
        String name = service.getSpec().getAwsName();
        Optional<VirtualServiceData> found = findForCleanup(recorded, "DescribeVirtualService", () -> appMesh()
                .describeVirtualService(
                        r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualServiceName(name))
                .virtualService());
        if (found.isPresent() && controlled(found.get().metadata())) {
            VirtualServiceData actual = found.get();
            ignoreNotFound("DeleteVirtualService", () -> appMesh().deleteVirtualService(r -> r
                    .meshName(actual.meshName()).meshOwner(actual.metadata().meshOwner()).virtualServiceName(name)));
        }
    }

    // ---------------------------------------------------------------------------------------------- VirtualRouter

    @Override
    public BackendState syncVirtualRouter(Resolved<VirtualRouter> resolved) {
        MeshScope mesh = resolved.scope();
        VirtualRouter router = resolved.resource();
        String name = router.getSpec().getAwsName();
        VirtualRouterSpec desired = spec(() -> AwsSpecs.virtualRouter(router));
        Map<String, Route> routes = new TreeMap<>();
        if (router.getSpec().getRoutes() != null) {
            router.getSpec().getRoutes().forEach(route -> routes.put(route.getName(), route));
        }
        Map<String, RouteSpec> desiredRoutes = new TreeMap<>();
        routes.forEach((routeName, route) -> desiredRoutes.put(routeName, spec(() -> AwsSpecs.route(resolved, route))));

        Optional<VirtualRouterData> found = find("DescribeVirtualRouter", () -> appMesh().describeVirtualRouter(
                r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualRouterName(name)).virtualRouter());
        Map<String, String> routeArns = new TreeMap<>();
        VirtualRouterData data;
        if (found.isEmpty()) {
            data = call("CreateVirtualRouter", () -> appMesh().createVirtualRouter(r -> r.meshName(mesh.meshName())
                    .meshOwner(mesh.meshOwner()).virtualRouterName(name).spec(desired)
                    .clientToken(token(router, "CreateVirtualRouter"))).virtualRouter());
            desiredRoutes.forEach((routeName, spec) -> routeArns.put(routeName,
                    createRoute(mesh, router, name, routeName, spec).metadata().arn()));
        } else {
            data = found.get();
            // Routes the spec dropped, and routes whose listener changes protocol, go first: AWS would refuse the
            // router update (or the route update) while they exist.
            Set<String> tainted = new TreeSet<>(listRoutes(mesh, name));
            tainted.removeAll(desiredRoutes.keySet());
            desiredRoutes.forEach((routeName, spec) -> {
                if (listenerMismatch(spec, data.spec().listeners())) {
                    tainted.add(routeName);
                }
            });
            tainted.forEach(routeName -> deleteRoute(mesh, name, routeName));
            if (controlled(data.metadata()) && differs(desired, data.spec(), false)) {
                VirtualRouterData updated = call("UpdateVirtualRouter", () -> appMesh().updateVirtualRouter(
                        r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualRouterName(name)
                                .spec(desired))
                        .virtualRouter());
                return withRoutes(updated, syncRoutes(mesh, router, name, desiredRoutes));
            }
            routeArns.putAll(syncRoutes(mesh, router, name, desiredRoutes));
        }
        return withRoutes(data, routeArns);
    }

    private BackendState withRoutes(VirtualRouterData data, Map<String, String> routeArns) {
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()), routeArns);
    }

    /** Creates, then updates, then deletes routes (names in sorted order), against a fresh route list. */
    private Map<String, String> syncRoutes(MeshScope mesh, VirtualRouter router, String routerName,
            Map<String, RouteSpec> desiredRoutes) {
        List<String> existing = listRoutes(mesh, routerName);
        Map<String, String> arns = new TreeMap<>();
        desiredRoutes.forEach((routeName, spec) -> {
            if (!existing.contains(routeName)) {
                arns.put(routeName, createRoute(mesh, router, routerName, routeName, spec).metadata().arn());
            }
        });
        desiredRoutes.forEach((routeName, spec) -> {
            if (existing.contains(routeName)) {
                RouteData actual = find("DescribeRoute", () -> appMesh().describeRoute(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualRouterName(routerName).routeName(routeName)).route())
                        .orElseThrow(() -> new BackendException("NotFoundException", "route not found: " + routeName,
                                null));
                if (differs(spec, actual.spec(), false)) {
                    // Upstream updates routes without an ownership check: they live and die with their router.
                    actual = call("UpdateRoute", () -> appMesh().updateRoute(r -> r.meshName(mesh.meshName())
                            .meshOwner(mesh.meshOwner()).virtualRouterName(routerName).routeName(routeName).spec(spec))
                            .route());
                }
                arns.put(routeName, actual.metadata().arn());
            }
        });
        existing.stream().filter(routeName -> !desiredRoutes.containsKey(routeName))
                .forEach(routeName -> deleteRoute(mesh, routerName, routeName));
        return arns;
    }

    private RouteData createRoute(MeshScope mesh, VirtualRouter router, String routerName, String routeName,
            RouteSpec spec) {
        return call("CreateRoute", () -> appMesh().createRoute(r -> r.meshName(mesh.meshName())
                .meshOwner(mesh.meshOwner()).virtualRouterName(routerName).routeName(routeName).spec(spec)
                .clientToken(token(router, "CreateRoute/" + routeName))).route());
    }

    private void deleteRoute(MeshScope mesh, String routerName, String routeName) {
        ignoreNotFound("DeleteRoute", () -> appMesh().deleteRoute(r -> r.meshName(mesh.meshName())
                .meshOwner(mesh.meshOwner()).virtualRouterName(routerName).routeName(routeName)));
    }

    private List<String> listRoutes(MeshScope mesh, String routerName) {
        return call("ListRoutes", () -> appMesh()
                .listRoutesPaginator(
                        r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualRouterName(routerName))
                .routes().stream().map(RouteRef::routeName).sorted().collect(Collectors.toCollection(ArrayList::new)));
    }

    /**
     * Whether a route's type no longer fits the router's current listener on its port (or no listener serves the
     * port): such a route must be deleted and created again rather than updated.
     */
    private static boolean listenerMismatch(RouteSpec spec, List<VirtualRouterListener> listeners) {
        ObjectNode tree = SdkJson.write(spec);
        for (Map.Entry<String, String> type : ROUTE_PROTOCOLS.entrySet()) {
            JsonNode route = tree.get(type.getKey());
            if (route == null) {
                continue;
            }
            JsonNode port = route.path("match").path("port");
            List<VirtualRouterListener> candidates = listeners.stream()
                    .filter(l -> port.isMissingNode() || l.portMapping().port() == port.asInt()).toList();
            if (port.isMissingNode() && listeners.size() != 1) {
                return false;
            }
            return candidates.isEmpty()
                    || !type.getValue().equalsIgnoreCase(candidates.get(0).portMapping().protocolAsString());
        }
        return false;
    }

    @Override
    public void delete(MeshScope mesh, VirtualRouter router, boolean recorded) {
        String name = router.getSpec().getAwsName();
        Optional<VirtualRouterData> found = findForCleanup(recorded, "DescribeVirtualRouter", () -> appMesh()
                .describeVirtualRouter(
                        r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualRouterName(name))
                .virtualRouter());
        if (found.isEmpty()) {
            return;
        }
        listRoutes(mesh, name).forEach(routeName -> deleteRoute(mesh, name, routeName));
        if (controlled(found.get().metadata())) {
            ignoreNotFound("DeleteVirtualRouter", () -> appMesh().deleteVirtualRouter(
                    r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualRouterName(name)));
        }
    }

    // --------------------------------------------------------------------------------------------- VirtualGateway

    @Override
    public BackendState syncVirtualGateway(Resolved<VirtualGateway> resolved) {
        MeshScope mesh = resolved.scope();
        VirtualGateway gateway = resolved.resource();
        String name = gateway.getSpec().getAwsName();
        VirtualGatewaySpec desired = spec(() -> AwsSpecs.virtualGateway(gateway));
        Optional<VirtualGatewayData> found = find("DescribeVirtualGateway", () -> appMesh().describeVirtualGateway(
                r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualGatewayName(name))
                .virtualGateway());
        VirtualGatewayData data = converge(found, VirtualGatewayData::metadata, VirtualGatewayData::spec, desired, true,
                () -> call("CreateVirtualGateway", () -> appMesh().createVirtualGateway(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualGatewayName(name).spec(desired)
                        .clientToken(token(gateway, "CreateVirtualGateway"))).virtualGateway()),
                actual -> call("UpdateVirtualGateway", () -> appMesh().updateVirtualGateway(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualGatewayName(name).spec(desired)).virtualGateway()));
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()));
    }

    @Override
    public void delete(MeshScope mesh, VirtualGateway gateway, boolean recorded) {
        String name = gateway.getSpec().getAwsName();
        Optional<VirtualGatewayData> found = findForCleanup(recorded, "DescribeVirtualGateway", () -> appMesh()
                .describeVirtualGateway(
                        r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualGatewayName(name))
                .virtualGateway());
        if (found.isPresent() && controlled(found.get().metadata())) {
            ignoreNotFound("DeleteVirtualGateway", () -> appMesh().deleteVirtualGateway(
                    r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner()).virtualGatewayName(name)));
        }
    }

    // ----------------------------------------------------------------------------------------------- GatewayRoute

    @Override
    public BackendState syncGatewayRoute(Resolved<GatewayRoute> resolved, String gatewayName) {
        MeshScope mesh = resolved.scope();
        GatewayRoute route = resolved.resource();
        String name = route.getSpec().getAwsName();
        GatewayRouteSpec desired = spec(() -> AwsSpecs.gatewayRoute(resolved));
        Optional<GatewayRouteData> found = find("DescribeGatewayRoute",
                () -> appMesh().describeGatewayRoute(r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner())
                        .virtualGatewayName(gatewayName).gatewayRouteName(name)).gatewayRoute());
        GatewayRouteData data = converge(found, GatewayRouteData::metadata, GatewayRouteData::spec, desired, false,
                () -> call("CreateGatewayRoute", () -> appMesh().createGatewayRoute(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualGatewayName(gatewayName).gatewayRouteName(name).spec(desired)
                        .clientToken(token(route, "CreateGatewayRoute"))).gatewayRoute()),
                actual -> call("UpdateGatewayRoute", () -> appMesh().updateGatewayRoute(r -> r.meshName(mesh.meshName())
                        .meshOwner(mesh.meshOwner()).virtualGatewayName(gatewayName).gatewayRouteName(name).spec(desired))
                        .gatewayRoute()));
        return new BackendState(data.metadata().arn(), active(data.status().statusAsString()));
    }

    @Override
    public void delete(MeshScope mesh, String gatewayName, GatewayRoute route, boolean recorded) {
        String name = route.getSpec().getAwsName();
        Optional<GatewayRouteData> found = findForCleanup(recorded, "DescribeGatewayRoute",
                () -> appMesh().describeGatewayRoute(r -> r.meshName(mesh.meshName()).meshOwner(mesh.meshOwner())
                        .virtualGatewayName(gatewayName).gatewayRouteName(name)).gatewayRoute());
        if (found.isPresent() && controlled(found.get().metadata())) {
            ignoreNotFound("DeleteGatewayRoute", () -> appMesh().deleteGatewayRoute(r -> r.meshName(mesh.meshName())
                    .meshOwner(mesh.meshOwner()).virtualGatewayName(gatewayName).gatewayRouteName(name)));
        }
    }

    // ------------------------------------------------------------------------------------------------------ common

    /**
     * The shape every kind shares: create when absent, update when the object is ours and its spec differs (upstream's
     * equality, {@link #differs}), else keep what was described.
     */
    private <D> D converge(Optional<D> found, Function<D, ResourceMetadata> metadata, Function<D, SdkPojo> spec,
            SdkPojo desired, boolean healthCheckPortDefaults, Supplier<D> create, UnaryOperator<D> update) {
        if (found.isEmpty()) {
            return create.get();
        }
        D actual = found.get();
        if (controlled(metadata.apply(actual)) && differs(desired, spec.apply(actual), healthCheckPortDefaults)) {
            return update.apply(actual);
        }
        return actual;
    }

    private AppMeshClient appMesh() {
        return clients.appMesh();
    }

    private boolean controlled(ResourceMetadata metadata) {
        boolean controlled = account.id().equals(metadata.resourceOwner());
        if (!controlled) {
            LOG.debugf("%s is owned by account %s, not %s: left alone", metadata.arn(), metadata.resourceOwner(),
                    account.id());
        }
        return controlled;
    }

    private static boolean active(String status) {
        return "ACTIVE".equals(status);
    }

    /**
     * Whether the desired spec differs from the described one: absent equals empty, and (for nodes and gateways) an
     * unset desired health-check port takes the described one.
     */
    static boolean differs(SdkPojo desired, SdkPojo actual, boolean healthCheckPortDefaults) {
        ObjectNode want = SdkJson.write(desired);
        ObjectNode have = SdkJson.write(actual);
        if (healthCheckPortDefaults) {
            JsonNode wantListeners = want.path("listeners");
            JsonNode haveListeners = have.path("listeners");
            for (int i = 0; i < wantListeners.size() && i < haveListeners.size(); i++) {
                if (wantListeners.get(i).path("healthCheck") instanceof ObjectNode check && !check.has("port")
                        && haveListeners.get(i).path("healthCheck").has("port")) {
                    check.set("port", haveListeners.get(i).path("healthCheck").get("port"));
                }
            }
        }
        return !want.equals(have);
    }

    /** A client token for one logical write of one generation of a resource (≤ 36 characters, as App Mesh allows). */
    static String token(HasMetadata resource, String operation) {
        String seed = resource.getMetadata().getUid() + "/" + resource.getMetadata().getGeneration() + "/" + operation;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <T> T spec(Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException e) {
            throw new BackendException("InvalidSpec", "spec cannot be expressed in the App Mesh API: " + e.getMessage(),
                    e);
        }
    }

    private static <T> Optional<T> find(String operation, Supplier<T> describe) {
        try {
            return Optional.of(call(operation, describe));
        } catch (BackendException e) {
            if (e.getCause() instanceof NotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> Optional<T> findForCleanup(boolean recorded, String operation, Supplier<T> describe) {
        try {
            return find(operation, describe);
        } catch (BackendException e) {
            if (!recorded) {
                // Never created as far as the resource knows: nothing to clean up (upstream's tolerance).
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void ignoreNotFound(String operation, Runnable delete) {
        find(operation, () -> {
            delete.run();
            return Boolean.TRUE;
        });
    }

    private static <T> T call(String operation, Supplier<T> call) {
        return AwsCalls.call(operation, call);
    }
}
