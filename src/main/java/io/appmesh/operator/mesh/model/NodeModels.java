package io.appmesh.operator.mesh.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.common.BackendGroupReference;
import io.appmesh.operator.api.v1beta2.common.JSONKeyValue;
import io.appmesh.operator.api.v1beta2.common.LoggingFormat;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouterListener;
import io.appmesh.operator.api.v1beta2.virtualrouter.WeightedTarget;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.AppMeshArns;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.References;

/**
 * Builds the {@link NodeModel} of one virtual node from the CRD objects (pure: reads only through {@link Lookup} and
 * the endpoint function). References that do not resolve are left out rather than failing: reconcilers gate them and
 * report them in the objects' conditions; the proxy meanwhile gets what does resolve (a backend without a known
 * provider still gets its host, answered 404 by Envoy, as App Mesh does).
 */
public final class NodeModels {

    private final Lookup lookup;
    private final Function<VirtualNode, List<Endpoint>> endpoints;

    /**
     * @param endpoints the endpoints of a node's pods ({@link io.appmesh.operator.mesh.PodEndpoints}); only ready ones
     *        are used
     */
    public NodeModels(Lookup lookup, Function<VirtualNode, List<Endpoint>> endpoints) {
        this.lookup = lookup;
        this.endpoints = endpoints;
    }

    public NodeModel build(VirtualNode node, Mesh mesh) {
        List<ListenerModel> listeners = listeners(node).stream().map(ListenerModels::own).toList();
        AccessLogModel accessLog = accessLog(node);
        List<BackendModel> backends = new ArrayList<>();
        for (var entry : backendServices(node).entrySet()) {
            VirtualService service = entry.getValue().service();
            backends.add(new BackendModel(entry.getKey(), service == null ? List.of() : provided(service),
                    TlsModels.client(node, entry.getValue().backend())));
        }
        boolean allowAll = mesh.getSpec().getEgressFilter() != null
                && "ALLOW_ALL".equals(mesh.getSpec().getEgressFilter().getType());
        return new NodeModel(mesh.getSpec().getAwsName(), node.getSpec().getAwsName(), listeners, accessLog,
                List.copyOf(backends), allowAll);
    }

    /**
     * The file access log: a text format when given, else a JSON format when it has fields, else Envoy's default
     * format. App Mesh's API takes one of the two.
     */
    private static AccessLogModel accessLog(VirtualNode node) {
        var logging = node.getSpec().getLogging();
        if (logging == null || logging.getAccessLog() == null || logging.getAccessLog().getFile() == null) {
            return null;
        }
        var file = logging.getAccessLog().getFile();
        return accessLog(file.getPath(), file.getFormat());
    }

    /** A file access log at {@code path} in {@code format} (null: Envoy's default); gateways' logs too. */
    static AccessLogModel accessLog(String path, LoggingFormat format) {
        if (format != null && format.getText() != null) {
            return new AccessLogModel(path, format.getText(), Map.of());
        }
        if (format != null && format.getJson() != null && !format.getJson().isEmpty()) {
            Map<String, String> json = new LinkedHashMap<>();
            for (JSONKeyValue kv : format.getJson()) {
                json.put(kv.getKey(), kv.getValue());
            }
            return new AccessLogModel(path, null, json);
        }
        return AccessLogModel.of(path);
    }

    /**
     * A backend service (null: known by ARN only) and the backend entry naming it (null: reached through a backend
     * group, which has no client policy of its own: the backend defaults apply).
     */
    private record BackendService(VirtualService service, Backend backend) {
    }

    /** Backend services by awsName: explicit backends first, then the groups'. */
    private Map<String, BackendService> backendServices(VirtualNode node) {
        Map<String, BackendService> services = new LinkedHashMap<>();
        String namespace = node.getMetadata().getNamespace();
        for (Backend backend : Optional.ofNullable(node.getSpec().getBackends()).orElse(List.of())) {
            var vs = backend.getVirtualService();
            if (vs != null && vs.getVirtualServiceRef() != null) {
                service(namespace, vs.getVirtualServiceRef())
                        .ifPresent(s -> services.put(s.getSpec().getAwsName(), new BackendService(s, backend)));
            } else if (vs != null && vs.getVirtualServiceARN() != null) {
                services.putIfAbsent(AppMeshArns.name("virtualServiceARN", vs.getVirtualServiceARN()),
                        new BackendService(null, backend));
            }
        }
        for (BackendGroupReference ref : Optional.ofNullable(node.getSpec().getBackendGroups()).orElse(List.of())) {
            String groupNamespace = References.namespaceOf(ref.getNamespace(), node);
            List<VirtualService> members = new ArrayList<>();
            if ("*".equals(ref.getName())) {
                members.addAll(lookup.list(VirtualService.class, groupNamespace).stream()
                        .sorted(Comparator.comparing(s -> s.getMetadata().getName())).toList());
            } else {
                lookup.get(BackendGroup.class, groupNamespace, ref.getName())
                        .map(group -> Optional.ofNullable(group.getSpec().getVirtualservices()).orElse(List.of()))
                        .orElse(List.of()).forEach(r -> service(namespace, r).ifPresent(members::add));
            }
            members.forEach(s -> services.putIfAbsent(s.getSpec().getAwsName(), new BackendService(s, null)));
        }
        return services;
    }

    private Optional<VirtualService> service(String defaultNamespace, VirtualServiceReference ref) {
        String ns = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? defaultNamespace : ref.getNamespace();
        return lookup.get(VirtualService.class, ns, ref.getName());
    }

    /** Per port of the service's provider, the routes a caller of the service gets (empty: no known provider). */
    List<BackendModel.PortRoutes> provided(VirtualService service) {
        var provider = service.getSpec().getProvider();
        if (provider != null && provider.getVirtualNode() != null && provider.getVirtualNode().getVirtualNodeRef() != null) {
            var ref = provider.getVirtualNode().getVirtualNodeRef();
            return node(References.namespaceOf(ref.getNamespace(), service), ref.getName()).map(this::nodeProvided)
                    .orElse(List.of());
        }
        if (provider != null && provider.getVirtualRouter() != null
                && provider.getVirtualRouter().getVirtualRouterRef() != null) {
            var ref = provider.getVirtualRouter().getVirtualRouterRef();
            return lookup.get(VirtualRouter.class, References.namespaceOf(ref.getNamespace(), service), ref.getName())
                    .map(this::routerProvided).orElse(List.of());
        }
        return List.of();
    }

    /** A node provider: per listener, one route to it. */
    private List<BackendModel.PortRoutes> nodeProvided(VirtualNode target) {
        List<BackendModel.PortRoutes> ports = new ArrayList<>();
        for (Listener listener : listeners(target)) {
            TargetModel t = target(target, ListenerModels.of(listener));
            ports.add(new BackendModel.PortRoutes(t.port(), t.protocol(), List.of(new RouteModel(
                    target.getSpec().getAwsName(), t.protocol(), null, null, List.of(new RouteModel.Target(t, 100)),
                    null, null, null))));
        }
        return ports;
    }

    /** A router provider: per router listener, its routes of that protocol (and port, when they match one). */
    private List<BackendModel.PortRoutes> routerProvided(VirtualRouter router) {
        List<BackendModel.PortRoutes> ports = new ArrayList<>();
        List<Route> routes = Optional.ofNullable(router.getSpec().getRoutes()).orElse(List.of());
        for (VirtualRouterListener listener : Optional.ofNullable(router.getSpec().getListeners()).orElse(List.of())) {
            int port = Math.toIntExact(listener.getPortMapping().getPort());
            Protocol protocol = Protocol.of(listener.getPortMapping().getProtocol());
            List<RouteModel> matching = new ArrayList<>();
            for (Route route : routes) {
                Long routePort = RouteModels.port(route);
                if (RouteModels.protocol(route) == protocol && (routePort == null || routePort == port)) {
                    matching.add(RouteModels.of(route, t -> weightedTarget(router, t)));
                }
            }
            // Priority order (0 first); routes without one after, in spec order (the sort is stable).
            matching.sort(Comparator.comparing(RouteModel::priority, Comparator.nullsLast(Comparator.naturalOrder())));
            ports.add(new BackendModel.PortRoutes(port, protocol, List.copyOf(matching)));
        }
        return ports;
    }

    private TargetModel weightedTarget(VirtualRouter router, WeightedTarget target) {
        if (target.getVirtualNodeRef() == null) {
            return null;
        }
        var ref = target.getVirtualNodeRef();
        Optional<VirtualNode> node = node(References.namespaceOf(ref.getNamespace(), router), ref.getName());
        if (node.isEmpty()) {
            return null;
        }
        // Without a port the target node has a single listener (App Mesh's rule).
        return listeners(node.get()).stream()
                .filter(l -> target.getPort() == null || target.getPort().equals(l.getPortMapping().getPort()))
                .findFirst().map(l -> target(node.get(), ListenerModels.of(l))).orElse(null);
    }

    private TargetModel target(VirtualNode node, ListenerModel listener) {
        if (node.getSpec().getPodSelector() == null && node.getSpec().getServiceDiscovery() != null
                && node.getSpec().getServiceDiscovery().getDns() != null) {
            var dns = node.getSpec().getServiceDiscovery().getDns();
            return new TargetModel(node.getSpec().getAwsName(), listener, dns.getHostname(),
                    "ENDPOINTS".equals(dns.getResponseType()), List.of());
        }
        List<String> ips = endpoints.apply(node).stream().filter(Endpoint::ready).map(Endpoint::ip).sorted().distinct()
                .toList();
        return new TargetModel(node.getSpec().getAwsName(), listener, null, false, ips);
    }

    private Optional<VirtualNode> node(String namespace, String name) {
        return lookup.get(VirtualNode.class, namespace, name);
    }

    private static List<Listener> listeners(VirtualNode node) {
        return Optional.ofNullable(node.getSpec().getListeners()).orElse(List.of());
    }
}
