package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.appmesh.operator.mesh.model.BackendModel;
import io.appmesh.operator.mesh.model.ListenerModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.Protocol;
import io.appmesh.operator.mesh.model.RouteModel;
import io.appmesh.operator.mesh.model.TargetModel;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;

/**
 * The pure translation of one virtual node's {@link NodeModel} into the Envoy resources its proxy receives. A port
 * served over HTTP by one backend and over TCP by another gets the HTTP chain only (App Mesh could not serve both
 * either); of several TCP backends on one port only the first is reachable (App Mesh's limit too).
 */
public final class XdsTranslator {

    private XdsTranslator() {
    }

    public static EnvoyResources translate(NodeModel node) {
        List<Listener> listeners = new ArrayList<>();
        List<RouteConfiguration> routes = new ArrayList<>();
        Map<String, Cluster> clusters = new TreeMap<>();
        Map<String, ClusterLoadAssignment> endpoints = new TreeMap<>();

        if (!node.listeners().isEmpty()) {
            listeners.add(ListenerTranslator.ingress(node));
            for (ListenerModel listener : node.listeners()) {
                Cluster local = ClusterTranslator.local(node, listener);
                clusters.put(local.getName(), local);
                if (listener.protocol() != Protocol.TCP) {
                    routes.add(RouteTranslator.ingress(node, listener));
                }
            }
        }

        Map<Integer, List<RouteTranslator.Host>> httpPorts = new TreeMap<>();
        Map<Integer, RouteModel> tcpPorts = new TreeMap<>();
        for (BackendModel backend : node.backends()) {
            for (BackendModel.PortRoutes port : backend.ports()) {
                if (port.protocol() == Protocol.TCP) {
                    port.routes().stream().filter(r -> r.targets().stream().anyMatch(t -> t.weight() > 0)).findFirst()
                            .ifPresent(r -> tcpPorts.putIfAbsent(port.port(), r));
                } else {
                    httpPorts.computeIfAbsent(port.port(), p -> new ArrayList<>())
                            .add(new RouteTranslator.Host(backend.name(), port.routes()));
                }
                for (RouteModel route : port.routes()) {
                    route.targets().forEach(t -> target(node, t.node(), clusters, endpoints));
                }
            }
        }
        httpPorts.keySet().forEach(tcpPorts::remove);
        List<ListenerTranslator.PortFilter> filters = new ArrayList<>();
        Map<Integer, ListenerTranslator.PortFilter> byPort = new TreeMap<>();
        httpPorts.forEach((port, hosts) -> {
            routes.add(RouteTranslator.egress(node, port, hosts, node.allowAll()));
            byPort.put(port, new ListenerTranslator.PortFilter(port, ListenerTranslator.egressHttp(node, port)));
        });
        tcpPorts.forEach((port, route) -> byPort.put(port,
                new ListenerTranslator.PortFilter(port, ListenerTranslator.egressTcp(node, route))));
        filters.addAll(byPort.values());
        listeners.add(ListenerTranslator.egress(node, filters));

        Cluster aws = ClusterTranslator.originalDestination(Names.amazonawsCluster(node.mesh()));
        clusters.put(aws.getName(), aws);
        if (node.allowAll()) {
            Cluster allowAll = ClusterTranslator.originalDestination(Names.allowAllCluster(node.mesh()));
            clusters.put(allowAll.getName(), allowAll);
        }
        listeners.sort(Comparator.comparing(Listener::getName));
        routes.sort(Comparator.comparing(RouteConfiguration::getName));
        return new EnvoyResources(List.copyOf(listeners), List.copyOf(routes), List.copyOf(clusters.values()),
                List.copyOf(endpoints.values()));
    }

    /**
     * What a proxyless gRPC client of the node receives ({@link Proxyless#isGrpcClient}): per backend service and
     * HTTP-family port, an API listener {@code <service>:<port>} whose routes are the sidecar's for that host, and the
     * clusters and endpoints those routes name, as the sidecar gets them. No ingress (the server side of proxyless gRPC
     * is not served), no TCP ports (a gRPC channel cannot use a TCP proxy), no AWS or ALLOW_ALL passthrough
     * (ORIGINAL_DST clusters, which gRPC cannot load; a proxyless client only dials declared hosts), and no port whose
     * calls a client policy would secure with TLS ({@link #originatesTls}).
     */
    public static EnvoyResources proxyless(NodeModel node) {
        Map<String, Listener> listeners = new TreeMap<>();
        Map<String, Cluster> clusters = new TreeMap<>();
        Map<String, ClusterLoadAssignment> endpoints = new TreeMap<>();
        for (BackendModel backend : node.backends()) {
            for (BackendModel.PortRoutes port : backend.ports()) {
                if (port.protocol() == Protocol.TCP) {
                    continue;
                }
                if (originatesTls(node, port)) {
                    continue;
                }
                var host = RouteTranslator.virtualHost(node, port.port(),
                        new RouteTranslator.Host(backend.name(), port.routes()));
                // a service listed twice (explicitly and through a backend group) is one listener
                Listener listener = Proxyless.listener(port.port(), host);
                if (listeners.putIfAbsent(listener.getName(), listener) != null) {
                    continue;
                }
                for (RouteModel route : port.routes()) {
                    if (route.targets().stream().anyMatch(t -> t.weight() > 0)) { // as the virtual host has them
                        route.targets().forEach(t -> target(node, t.node(), clusters, endpoints));
                    }
                }
            }
        }
        return new EnvoyResources(List.copyOf(listeners.values()), List.of(), List.copyOf(clusters.values()),
                List.copyOf(endpoints.values()));
    }

    /**
     * Whether a caller's cluster on this port's routes would originate TLS. grpc-xds takes TLS only from certificate
     * provider instances of its own bootstrap (it refuses file paths and SDS secrets), so such a port is not offered to
     * proxyless clients at all: dialing it fails rather than silently going out in plaintext.
     */
    private static boolean originatesTls(NodeModel node, BackendModel.PortRoutes port) {
        return port.routes().stream().flatMap(r -> r.targets().stream())
                .anyMatch(t -> TlsTranslator.clientPolicy(node, t.node()).isPresent());
    }

    static void target(NodeModel node, TargetModel target, Map<String, Cluster> clusters,
            Map<String, ClusterLoadAssignment> endpoints) {
        Cluster cluster = ClusterTranslator.egress(node, target);
        clusters.putIfAbsent(cluster.getName(), cluster);
        if (cluster.getType() == Cluster.DiscoveryType.EDS) {
            endpoints.putIfAbsent(cluster.getName(), EndpointTranslator.pods(cluster.getName(), target));
        }
    }

}
