package io.appmesh.operator.mesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;
import io.appmesh.operator.api.v1beta2.common.BackendGroupReference;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualNodeReference;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteTarget;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualrouter.WeightedTarget;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Resolves and gates a resource's references before anything is sent to a backend:
 * the mesh (by name, UID-checked, Active), and per kind the referenced objects (same mesh; Active where upstream
 * requires it). The result carries the referenced objects a backend needs ({@link Resolved}); failures are {@link ReferenceException}s with
 * upstream's messages.
 */
@ApplicationScoped
public class References {

    private final boolean backendGroups;

    public References(OperatorConfig config) {
        this.backendGroups = config.enableBackendGroups();
    }

    /** The mesh a member belongs to, whether Active or not (cleanup does not need an Active mesh). */
    public Mesh mesh(MeshMember spec, Lookup lookup) {
        MeshReference ref = spec.getMeshRef();
        if (ref == null) {
            throw ReferenceException.invalid("MeshRefMissing", "meshRef shouldn't be nil, please check webhook setup");
        }
        Mesh mesh = lookup.get(Mesh.class, null, ref.getName()).orElseThrow(() -> ReferenceException.invalid(
                "MeshNotFound", "failed to resolve meshRef: unable to fetch mesh: " + ref.getName() + ": not found"));
        if (!Objects.equals(mesh.getMetadata().getUid(), ref.getUid())) {
            throw ReferenceException.invalid("MeshUIDMismatch",
                    "failed to resolve meshRef: mesh UID mismatch: " + ref.getName());
        }
        return mesh;
    }

    public static MeshScope scope(Mesh mesh) {
        return new MeshScope(mesh.getSpec().getAwsName(), mesh.getSpec().getMeshOwner());
    }

    private Mesh activeMesh(MeshMember spec, Lookup lookup) {
        Mesh mesh = mesh(spec, lookup);
        if (!isActive(mesh)) {
            throw ReferenceException.notActive("Mesh");
        }
        return mesh;
    }

    public Resolved<VirtualNode> virtualNode(VirtualNode node, Lookup lookup) {
        Mesh mesh = activeMesh(node.getSpec(), lookup);
        String namespace = node.getMetadata().getNamespace();
        Map<String, HasMetadata> referenced = new LinkedHashMap<>();
        Set<String> explicit = new LinkedHashSet<>();
        for (Backend backend : Optional.ofNullable(node.getSpec().getBackends()).orElse(List.of())) {
            VirtualServiceReference ref = backend.getVirtualService() == null
                    ? null
                    : backend.getVirtualService().getVirtualServiceRef();
            if (ref != null) {
                VirtualService service = fetch(VirtualService.class, "virtualService", namespace, ref.getNamespace(),
                        ref.getName(), lookup);
                sameMesh(service, service.getSpec().getMeshRef(), mesh, "virtualService");
                referenced.put(key(service), service);
                explicit.add(service.getSpec().getAwsName());
            } else if (backend.getVirtualService() != null && backend.getVirtualService().getVirtualServiceARN() != null) {
                explicit.add(AppMeshArns.name("virtualServiceARN", backend.getVirtualService().getVirtualServiceARN()));
            }
        }
        List<VirtualService> extra = new ArrayList<>();
        if (backendGroups) {
            for (VirtualService service : groupServices(node, lookup)) {
                // Need not be Active (nodes and services may refer to each other), but must be in the mesh.
                sameMesh(service, service.getSpec().getMeshRef(), mesh, "virtualService");
                if (explicit.add(service.getSpec().getAwsName())) {
                    extra.add(service);
                }
            }
        }
        return new Resolved<>(node, mesh, referenced, extra);
    }

    private List<VirtualService> groupServices(VirtualNode node, Lookup lookup) {
        Map<String, VirtualService> services = new LinkedHashMap<>();
        for (BackendGroupReference ref : Optional.ofNullable(node.getSpec().getBackendGroups()).orElse(List.of())) {
            String groupNamespace = namespaceOf(ref.getNamespace(), node);
            if ("*".equals(ref.getName())) {
                lookup.list(VirtualService.class, groupNamespace).forEach(vs -> services.put(key(vs), vs));
                continue;
            }
            BackendGroup group = lookup.get(BackendGroup.class, groupNamespace, ref.getName())
                    .orElseThrow(() -> ReferenceException.invalid("BackendGroupNotFound",
                            "failed to resolve backendGroupRef: unable to fetch backendGroup: " + groupNamespace + "/"
                                    + ref.getName()));
            for (VirtualServiceReference vsRef : Optional.ofNullable(group.getSpec().getVirtualservices())
                    .orElse(List.of())) {
                // A reference without a namespace means the VirtualNode's namespace, not the group's (upstream).
                VirtualService service = fetch(VirtualService.class, "virtualService",
                        node.getMetadata().getNamespace(), vsRef.getNamespace(), vsRef.getName(), lookup);
                services.put(key(service), service);
            }
        }
        return new ArrayList<>(services.values());
    }

    public Resolved<VirtualService> virtualService(VirtualService service, Lookup lookup) {
        Mesh mesh = activeMesh(service.getSpec(), lookup);
        String namespace = service.getMetadata().getNamespace();
        Map<String, HasMetadata> referenced = new LinkedHashMap<>();
        var provider = service.getSpec().getProvider();
        if (provider != null && provider.getVirtualNode() != null && provider.getVirtualNode().getVirtualNodeARN() != null) {
            AppMeshArns.name("virtualNodeARN", provider.getVirtualNode().getVirtualNodeARN());
        }
        if (provider != null && provider.getVirtualRouter() != null
                && provider.getVirtualRouter().getVirtualRouterARN() != null) {
            AppMeshArns.name("virtualRouterARN", provider.getVirtualRouter().getVirtualRouterARN());
        }
        if (provider != null && provider.getVirtualNode() != null
                && provider.getVirtualNode().getVirtualNodeRef() != null) {
            VirtualNodeReference ref = provider.getVirtualNode().getVirtualNodeRef();
            VirtualNode node = fetch(VirtualNode.class, "virtualNode", namespace, ref.getNamespace(), ref.getName(),
                    lookup);
            sameMesh(node, node.getSpec().getMeshRef(), mesh, "virtualNode");
            active(node, "VirtualNode");
            referenced.put(key(node), node);
        }
        if (provider != null && provider.getVirtualRouter() != null
                && provider.getVirtualRouter().getVirtualRouterRef() != null) {
            var ref = provider.getVirtualRouter().getVirtualRouterRef();
            VirtualRouter router = fetch(VirtualRouter.class, "virtualRouter", namespace, ref.getNamespace(),
                    ref.getName(), lookup);
            sameMesh(router, router.getSpec().getMeshRef(), mesh, "virtualRouter");
            active(router, "VirtualRouter");
            referenced.put(key(router), router);
        }
        return new Resolved<>(service, mesh, referenced, List.of());
    }

    public Resolved<VirtualRouter> virtualRouter(VirtualRouter router, Lookup lookup) {
        Mesh mesh = activeMesh(router.getSpec(), lookup);
        String namespace = router.getMetadata().getNamespace();
        Map<String, HasMetadata> referenced = new LinkedHashMap<>();
        for (WeightedTarget target : weightedTargets(router).toList()) {
            if (target.getVirtualNodeARN() != null) {
                AppMeshArns.name("virtualNodeARN", target.getVirtualNodeARN());
            }
            VirtualNodeReference ref = target.getVirtualNodeRef();
            if (ref == null) {
                continue;
            }
            VirtualNode node = fetch(VirtualNode.class, "virtualNode", namespace, ref.getNamespace(), ref.getName(),
                    lookup);
            sameMesh(node, node.getSpec().getMeshRef(), mesh, "virtualNode");
            active(node, "VirtualNode");
            referenced.put(key(node), node);
        }
        return new Resolved<>(router, mesh, referenced, List.of());
    }

    /** Every weighted target of every route of a router, whatever the route type. */
    public static Stream<WeightedTarget> weightedTargets(VirtualRouter router) {
        List<Route> routes = Optional.ofNullable(router.getSpec().getRoutes()).orElse(List.of());
        return routes.stream().flatMap(route -> Stream.of(
                route.getHttpRoute() == null || route.getHttpRoute().getAction() == null
                        ? null
                        : route.getHttpRoute().getAction().getWeightedTargets(),
                route.getHttp2Route() == null || route.getHttp2Route().getAction() == null
                        ? null
                        : route.getHttp2Route().getAction().getWeightedTargets(),
                route.getGrpcRoute() == null || route.getGrpcRoute().getAction() == null
                        ? null
                        : route.getGrpcRoute().getAction().getWeightedTargets(),
                route.getTcpRoute() == null || route.getTcpRoute().getAction() == null
                        ? null
                        : route.getTcpRoute().getAction().getWeightedTargets()))
                .filter(Objects::nonNull).flatMap(List::stream);
    }

    public Resolved<VirtualGateway> virtualGateway(VirtualGateway gateway, Lookup lookup) {
        Mesh mesh = activeMesh(gateway.getSpec(), lookup);
        return new Resolved<>(gateway, mesh, Map.of(), List.of());
    }

    /** The gateway a route is attached to (UID-checked), Active or not (cleanup needs only its name). */
    public VirtualGateway gatewayOf(GatewayRoute route, Lookup lookup) {
        var ref = route.getSpec().getVirtualGatewayRef();
        if (ref == null) {
            throw ReferenceException.invalid("VirtualGatewayRefMissing",
                    "virtualGatewayRef shouldn't be nil, please check webhook setup");
        }
        String namespace = namespaceOf(ref.getNamespace(), route);
        VirtualGateway gateway = fetch(VirtualGateway.class, "virtualGateway", namespace, namespace, ref.getName(),
                lookup);
        // The exact UID, as upstream: a reference without one (written past the webhook) does not designate a gateway.
        if (!Objects.equals(ref.getUid(), gateway.getMetadata().getUid())) {
            throw ReferenceException.invalid("VirtualGatewayUIDMismatch",
                    "failed to resolve virtualGatewayRef: virtualGateway UID mismatch: " + namespace + "/"
                            + ref.getName());
        }
        return gateway;
    }

    public Resolved<GatewayRoute> gatewayRoute(GatewayRoute route, Lookup lookup) {
        Mesh mesh = activeMesh(route.getSpec(), lookup);
        VirtualGateway gateway = gatewayOf(route, lookup);
        sameMesh(gateway, gateway.getSpec().getMeshRef(), mesh, "virtualGateway");
        active(gateway, "VirtualGateway");
        Map<String, HasMetadata> referenced = new LinkedHashMap<>();
        referenced.put(key(gateway), gateway);
        String namespace = route.getMetadata().getNamespace();
        for (GatewayRouteTarget target : targets(route)) {
            if (target.getVirtualService() == null) {
                continue;
            }
            if (target.getVirtualService().getVirtualServiceARN() != null) {
                AppMeshArns.name("virtualServiceARN", target.getVirtualService().getVirtualServiceARN());
            }
            VirtualServiceReference ref = target.getVirtualService().getVirtualServiceRef();
            if (ref == null) {
                continue;
            }
            VirtualService service = fetch(VirtualService.class, "virtualService", namespace, ref.getNamespace(),
                    ref.getName(), lookup);
            sameMesh(service, service.getSpec().getMeshRef(), mesh, "virtualService");
            active(service, "VirtualService");
            referenced.put(key(service), service);
        }
        return new Resolved<>(route, mesh, referenced, List.of());
    }

    /** The targets of a gateway route's HTTP, HTTP/2 and gRPC routes. */
    public static List<GatewayRouteTarget> targets(GatewayRoute route) {
        List<GatewayRouteTarget> targets = new ArrayList<>();
        for (HTTPGatewayRoute http : new HTTPGatewayRoute[]{route.getSpec().getHttpRoute(),
                route.getSpec().getHttp2Route()}) {
            if (http != null && http.getAction() != null && http.getAction().getTarget() != null) {
                targets.add(http.getAction().getTarget());
            }
        }
        if (route.getSpec().getGrpcRoute() != null && route.getSpec().getGrpcRoute().getAction() != null
                && route.getSpec().getGrpcRoute().getAction().getTarget() != null) {
            targets.add(route.getSpec().getGrpcRoute().getAction().getTarget());
        }
        return targets;
    }

    private static <T extends HasMetadata> T fetch(Class<T> type, String label, String defaultNamespace,
            String namespace, String name, Lookup lookup) {
        String ns = namespaceOr(namespace, defaultNamespace);
        return lookup.get(type, ns, name).orElseThrow(() -> ReferenceException.invalid(type.getSimpleName() + "NotFound",
                "failed to resolve " + label + "Ref: unable to fetch " + label + ": " + ns + "/" + name + ": not found"));
    }

    private static void sameMesh(HasMetadata object, MeshReference ref, Mesh mesh, String label) {
        if (ref == null || !Objects.equals(ref.getName(), mesh.getMetadata().getName())
                || !Objects.equals(ref.getUid(), mesh.getMetadata().getUid())) {
            throw ReferenceException.invalid("MeshMismatch", label + " " + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName() + " didn't belong to mesh " + mesh.getMetadata().getName());
        }
    }

    private static void active(HasMetadata object, String kind) {
        if (!isActive(object)) {
            throw ReferenceException.notActive(kind);
        }
    }

    private static String key(HasMetadata object) {
        return Resolved.key(object);
    }

    /** Whether an object's {@code <Kind>Active} condition is True. */
    /** A reference's namespace: its own, or (upstream's rule) the referring object's when unset or empty. */
    public static String namespaceOf(String refNamespace, HasMetadata referrer) {
        return namespaceOr(refNamespace, referrer.getMetadata().getNamespace());
    }

    private static String namespaceOr(String refNamespace, String defaultNamespace) {
        return refNamespace == null || refNamespace.isEmpty() ? defaultNamespace : refNamespace;
    }

    /** Whether a reference ({@code name}, optional {@code namespace}) made by {@code referrer} designates {@code target}. */
    public static boolean designates(String name, String namespace, HasMetadata referrer, HasMetadata target) {
        return target.getMetadata().getName().equals(name)
                && namespaceOf(namespace, referrer).equals(target.getMetadata().getNamespace());
    }

    public static boolean isActive(HasMetadata object) {
        List<? extends AppMeshCondition> conditions = null;
        if (object instanceof Mesh m && m.getStatus() != null) {
            conditions = m.getStatus().getConditions();
        } else if (object instanceof VirtualNode n && n.getStatus() != null) {
            conditions = n.getStatus().getConditions();
        } else if (object instanceof VirtualService s && s.getStatus() != null) {
            conditions = s.getStatus().getConditions();
        } else if (object instanceof VirtualRouter r && r.getStatus() != null) {
            conditions = r.getStatus().getConditions();
        } else if (object instanceof VirtualGateway g && g.getStatus() != null) {
            conditions = g.getStatus().getConditions();
        } else if (object instanceof GatewayRoute r && r.getStatus() != null) {
            conditions = r.getStatus().getConditions();
        }
        String type = object.getKind() + "Active";
        return conditions != null && conditions.stream()
                .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
