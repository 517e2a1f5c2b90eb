package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.appmesh.operator.mesh.model.BackendModel;
import io.appmesh.operator.mesh.model.GatewayModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.Protocol;
import io.appmesh.operator.mesh.model.RouteModel;
import io.appmesh.operator.mesh.model.TlsModel;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatchAndSubstitute;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/**
 * The pure translation of a virtual gateway's {@link GatewayModel} into the Envoy resources its proxy receives
 * ({@link XdsSnapshots} serves them to the group {@code mesh/<mesh>/virtualGateway/<gateway>}). App Mesh's gateway works in two hops, and so does this (docs/xds-facts.md §2.4, from a config dump
 * of a real gateway):
 * <ol>
 * <li>per gateway listener, {@code lds_ingress_0.0.0.0_<port>} on that port with an HTTP connection manager on
 * {@code rds_ingress_http_<port>}: the GatewayRoutes in order, each rewriting the path (prefix or exact) and the host
 * (to the target service, by default) and sending the request to {@code cds_ingress_<mesh>_<gw>_self_redirect_…},
 * 127.0.0.1:15001, the gateway's own egress listener;</li>
 * <li>{@code lds_egress_0.0.0.0_15001}, whose route configuration has one virtual host per target service holding
 * exactly the routes a sidecar calling that service gets ({@link RouteTranslator#virtualHost}), over the same egress
 * clusters and EDS.</li>
 * </ol>
 * Reusing the sidecar's egress keeps one definition of how a virtual router routes: the gateway route's match and
 * rewrite cannot be folded into the router's routes in one Envoy route table (the router's matches apply to the
 * rewritten path), which is why App Mesh took the second hop too.
 */
public final class GatewayTranslator {

    private GatewayTranslator() {
    }

    /**
     * The self-redirected request reaches 15001 directly (no iptables redirect, so the original destination is 15001
     * itself): one route configuration serves every target port, named like the sidecar's per-port ones (inferred).
     */
    static final String EGRESS_ROUTES = Names.egressRoutes(AppMeshDefaults.EGRESS_PORT);

    public static EnvoyResources translate(GatewayModel gateway) {
        // The egress hop is a sidecar's egress towards the target services: the same virtual hosts and clusters.
        NodeModel node = new NodeModel(gateway.mesh(), gateway.gateway(), List.of(), gateway.accessLog(),
                gateway.backends(), false);
        List<Listener> listeners = new ArrayList<>();
        List<RouteConfiguration> routes = new ArrayList<>();
        Map<String, Cluster> clusters = new TreeMap<>();
        Map<String, ClusterLoadAssignment> endpoints = new TreeMap<>();
        Hosts hosts = new Hosts(node);

        for (GatewayModel.Listener listener : gateway.listeners()) {
            if (listener.protocol() == Protocol.TCP) {
                continue; // App Mesh's gateway listeners are http, http2 or grpc
            }
            FilterChain chain = FilterChain.newBuilder().setName("ingress_" + listener.port())
                    .addFilters(ListenerTranslator.httpConnectionManager("ingress",
                            Names.ingressRoutes(listener.port()), gateway.accessLog()))
                    .build();
            Listener.Builder out = Listener.newBuilder().setName(Names.gatewayListener(listener.port()))
                    .setAddress(Protos.address("0.0.0.0", listener.port()))
                    .setTrafficDirection(TrafficDirection.INBOUND)
                    .addAllFilterChains(TlsTranslator.chains(chain, listener.tls(), listener.protocol()));
            if (listener.tls() != null && listener.tls().mode() == TlsModel.Mode.PERMISSIVE) {
                out.addListenerFilters(TlsTranslator.inspector(List.of())); // the listener's own port only
            }
            listeners.add(out.build());
            routes.add(ingressRoutes(gateway, listener, hosts));
            String name = selfRedirectCluster(gateway, listener);
            clusters.put(name, selfRedirect(name, listener));
        }

        if (!listeners.isEmpty()) {
            listeners.add(Listener.newBuilder().setName(Names.EGRESS_LISTENER)
                    .setAddress(Protos.address("0.0.0.0", AppMeshDefaults.EGRESS_PORT))
                    .setTrafficDirection(TrafficDirection.OUTBOUND)
                    .addFilterChains(FilterChain.newBuilder().setName("egress_self_redirect")
                            .addFilters(ListenerTranslator.httpConnectionManager("egress", EGRESS_ROUTES,
                                    gateway.accessLog())))
                    .build());
            routes.add(hosts.configuration());
            for (RouteModel route : hosts.routes()) {
                route.targets().forEach(t -> XdsTranslator.target(node, t.node(), clusters, endpoints));
            }
        }
        listeners.sort(Comparator.comparing(Listener::getName));
        routes.sort(Comparator.comparing(RouteConfiguration::getName));
        return new EnvoyResources(List.copyOf(listeners), List.copyOf(routes), List.copyOf(clusters.values()),
                List.copyOf(endpoints.values()));
    }

    /** The listener's GatewayRoutes: those of its protocol, limited to no port or to its port. */
    private static RouteConfiguration ingressRoutes(GatewayModel gateway, GatewayModel.Listener listener, Hosts hosts) {
        VirtualHost.Builder vhost = VirtualHost.newBuilder().setName("self_redirect").addDomains("*");
        String cluster = selfRedirectCluster(gateway, listener);
        for (GatewayModel.Route route : gateway.routes()) {
            if (route.protocol() != listener.protocol()
                    || (route.port() != null && route.port() != listener.port())) {
                continue;
            }
            String host = hosts.host(route.service(), route.servicePort(), route.rewrite().defaultHostname());
            vhost.addRoutes(route(route, cluster, host));
        }
        return RouteConfiguration.newBuilder().setName(Names.ingressRoutes(listener.port())).addVirtualHosts(vhost)
                .build();
    }

    /** The listener's self-redirect cluster: one per listener, its port in the name only when there are several. */
    private static String selfRedirectCluster(GatewayModel gateway, GatewayModel.Listener listener) {
        long served = gateway.listeners().stream().filter(l -> l.protocol() != Protocol.TCP).count();
        return Names.selfRedirectCluster(gateway.mesh(), gateway.gateway(), served > 1 ? listener.port() : null,
                listener.protocol());
    }

    private static Route route(GatewayModel.Route route, String cluster, String host) {
        RouteMatch.Builder match = RouteTranslator.match(new RouteModel(route.name(), route.protocol(),
                route.priority(), route.match(), List.of(), null, null, null)).toBuilder();
        // Hostname matches go on :authority within the one `*` host rather than as virtual hosts of their own, so
        // that the routes keep a single priority order across hostnames; the port a client may add is allowed.
        if (route.hostnameExact() != null) {
            match.addHeaders(authority("(?i)^" + quote(route.hostnameExact()) + "(:[0-9]+)?$"));
        } else if (route.hostnameSuffix() != null) {
            match.addHeaders(authority("(?i)^.*" + quote(route.hostnameSuffix()) + "(:[0-9]+)?$"));
        }
        RouteAction.Builder action = RouteAction.newBuilder().setCluster(cluster)
                .setTimeout(Protos.duration(AppMeshDefaults.PER_REQUEST_TIMEOUT));
        GatewayModel.Rewrite rewrite = route.rewrite();
        String prefix = route.match().prefix();
        if (route.match().exactPath() != null && rewrite.path() != null) {
            action.setRegexRewrite(RegexMatchAndSubstitute.newBuilder()
                    .setPattern(RegexMatcher.newBuilder().setRegex("^.*$")).setSubstitution(rewrite.path()));
        } else if (prefix != null && rewrite.prefix() != null) {
            action.setPrefixRewrite(rewrite.prefix());
        } else if (prefix != null && rewrite.defaultPrefix() && !prefix.equals("/")) {
            // App Mesh rewrites the matched prefix to `/`: /paths/red becomes //red, which the egress hop's
            // merge_slashes turns into /red before its routes match
            action.setPrefixRewrite("/");
        }
        Route.Builder out = Route.newBuilder().setName(route.name()).setMatch(match).setRoute(action);
        if (rewrite.defaultHostname()) {
            action.setHostRewriteLiteral(host);
            out.setRoute(action);
        } else {
            out.addRequestHeadersToAdd(HeaderValueOption.newBuilder()
                    .setHeader(HeaderValue.newBuilder().setKey(AppMeshDefaults.VIRTUAL_SERVICE_HEADER).setValue(host))
                    .setAppendAction(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD));
        }
        return out.build();
    }

    private static HeaderMatcher authority(String regex) {
        return HeaderMatcher.newBuilder().setName(":authority")
                .setStringMatch(StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(regex)))
                .build();
    }

    /** Escapes a hostname for RE2 (and Java): every character but letters, digits and '-' is backslash-escaped. */
    static String quote(String hostname) {
        StringBuilder out = new StringBuilder();
        for (char c : hostname.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '-') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static Cluster selfRedirect(String name, GatewayModel.Listener listener) {
        var pool = listener.pool();
        Cluster.Builder cluster = Cluster.newBuilder().setName(name).setType(Cluster.DiscoveryType.STATIC)
                .setConnectTimeout(Protos.duration(AppMeshDefaults.SELF_REDIRECT_CONNECT_TIMEOUT))
                .setLoadAssignment(EndpointTranslator.local(name, AppMeshDefaults.EGRESS_PORT))
                .setCircuitBreakers(pool == null
                        ? AppMeshDefaults.circuitBreakers(null, null, null)
                        : AppMeshDefaults.circuitBreakers(pool.maxConnections(), pool.maxPendingRequests(),
                                pool.maxRequests()));
        if (listener.protocol().http2()) {
            ClusterTranslator.http2(cluster);
        }
        return cluster.build();
    }

    /**
     * The egress hop's virtual hosts, one per target service and port, in the order the routes first name them. The
     * first port of a service gets the host {@code <service>} (and {@code <service>:<port>}), as a sidecar's
     * egress; a further port of the same service (routes naming different target ports) is told apart by the host
     * {@code <service>:<port>} the gateway rewrites to (inferred; App Mesh's dump had one port). Routes that keep
     * the client's host name their service in {@code x-app-mesh-virtual-service} instead, matched by the
     * {@code default_backend} host.
     */
    private static final class Hosts {

        private final NodeModel node;
        private final Map<String, VirtualHost> byHost = new LinkedHashMap<>();
        private final Map<String, Integer> firstPort = new LinkedHashMap<>();
        private final Map<String, VirtualHost> byHeader = new LinkedHashMap<>();
        private final List<RouteModel> routes = new ArrayList<>();

        Hosts(NodeModel node) {
            this.node = node;
        }

        /** The host the gateway forwards a route's requests as (its virtual host created on first use). */
        String host(String service, Integer targetPort, boolean rewriteHost) {
            BackendModel backend = node.backends().stream().filter(b -> b.name().equals(service)).findFirst()
                    .orElse(new BackendModel(service, List.of()));
            // Without a target port the service has one (App Mesh requires the port otherwise): its first HTTP one.
            BackendModel.PortRoutes port = backend.ports().stream()
                    .filter(p -> p.protocol() != Protocol.TCP
                            && (targetPort == null || p.port() == targetPort))
                    .findFirst().orElse(null);
            int portNumber = port == null ? (targetPort == null ? 0 : targetPort) : port.port();
            firstPort.putIfAbsent(service, portNumber);
            boolean first = firstPort.get(service) == portNumber;
            String host = first ? service : service + ":" + portNumber;
            if (!byHost.containsKey(host)) {
                VirtualHost vhost = port == null
                        ? VirtualHost.newBuilder().setName(host).addDomains(service).build() // no provider: 404
                        : RouteTranslator.virtualHost(node, port.port(),
                                new RouteTranslator.Host(service, port.routes()));
                if (port != null) {
                    routes.addAll(port.routes());
                }
                if (!first) {
                    vhost = vhost.toBuilder().setName(host).clearDomains().addDomains(host).build();
                }
                byHost.put(host, vhost);
            }
            if (!rewriteHost) {
                byHeader.putIfAbsent(host, byHost.get(host));
            }
            return host;
        }

        RouteConfiguration configuration() {
            RouteConfiguration.Builder config = RouteConfiguration.newBuilder().setName(EGRESS_ROUTES)
                    .addAllVirtualHosts(byHost.values());
            if (!byHeader.isEmpty()) {
                VirtualHost.Builder fallback = VirtualHost.newBuilder().setName("default_backend").addDomains("*")
                        .addResponseHeadersToRemove(AppMeshDefaults.VIRTUAL_SERVICE_HEADER);
                byHeader.forEach((host, vhost) -> vhost.getRoutesList()
                        .forEach(r -> fallback.addRoutes(r.toBuilder().setMatch(r.getMatch().toBuilder()
                                .addHeaders(HeaderMatcher.newBuilder().setName(AppMeshDefaults.VIRTUAL_SERVICE_HEADER)
                                        .setStringMatch(StringMatcher.newBuilder().setExact(host)))))));
                config.addVirtualHosts(fallback);
            }
            return config.build();
        }

        /** Every route of the egress hop (their targets need clusters). */
        List<RouteModel> routes() {
            return routes;
        }
    }
}
