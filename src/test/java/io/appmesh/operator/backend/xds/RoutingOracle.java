package io.appmesh.operator.backend.xds;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilterChainMatchPredicate;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/**
 * Where Envoy would send a request, given the resources one node received (in the spirit of Istio's
 * pilot/pkg/simulation): listener by traffic direction, filter chain (destination port, then SNI, then transport
 * protocol — both seen only where a TLS inspector looks —, each level keeping only its most specific chains; else the
 * default chain), TLS termination (a plaintext or certificate-less connection to a chain requiring TLS or a client
 * certificate fails its handshake; TLS into a plaintext HTTP chain is a codec error), route configuration
 * (RDS or inline), virtual host (exact domain, longest suffix wildcard, longest prefix wildcard, then {@code *}; the
 * port in the authority counts), first matching route, and its action. Anything it does not model throws, so an
 * answer is never silently wrong.
 */
final class RoutingOracle {

    private RoutingOracle() {
    }

    /** Default route timeout when a route action sets none. */
    static final Duration ENVOY_DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * A request (or, without authority, a TCP connection) arriving at the node's proxy.
     *
     * @param sni the server name of a TLS client hello, or null
     * @param tls the connection starts with a TLS client hello (else it is plaintext)
     * @param clientCertificate the TLS client presents a certificate the server trusts (mutual TLS)
     */
    record Request(TrafficDirection direction, int port, String sni, String authority, String path,
            Map<String, String> headers, boolean tls, boolean clientCertificate) {

        static Request http(int port, String authority, String path) {
            return new Request(TrafficDirection.OUTBOUND, port, null, authority, path,
                    Map.of(":method", "GET", ":scheme", "http"), false, false);
        }

        /** A gRPC call: POST {@code /<service>/<method>} with content-type application/grpc. */
        static Request grpc(int port, String authority, String service, String method) {
            return http(port, authority, "/" + service + "/" + method).method("POST").header("content-type",
                    "application/grpc");
        }

        static Request tcp(int port) {
            return new Request(TrafficDirection.OUTBOUND, port, null, null, null, Map.of(), false, false);
        }

        /** A TLS connection (no client certificate) whose bytes are not looked into past the client hello. */
        static Request tls(int port, String sni) {
            return new Request(TrafficDirection.OUTBOUND, port, sni, null, null, Map.of(), true, false);
        }

        Request inbound() {
            return new Request(TrafficDirection.INBOUND, port, sni, authority, path, headers, tls, clientCertificate);
        }

        /** The same request over TLS, with this server name (or none) and with or without a client certificate. */
        Request overTls(String serverName, boolean withClientCertificate) {
            return new Request(direction, port, serverName, authority, path, headers, true, withClientCertificate);
        }

        Request header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name.toLowerCase(Locale.ROOT), value);
            return new Request(direction, port, sni, authority, path, Map.copyOf(h), tls, clientCertificate);
        }

        Request method(String method) {
            return header(":method", method);
        }

        /** The request headers plus {@code :authority} and {@code :path}, as route matching sees them. */
        Map<String, String> allHeaders() {
            Map<String, String> h = new HashMap<>(headers);
            h.put(":authority", authority);
            h.put(":path", path);
            return h;
        }
    }

    enum Outcome {
        /** Routed to a cluster (or weighted clusters). */
        ROUTED,
        /** No filter chain matched and the listener has no default one: the connection is closed. */
        NO_FILTER_CHAIN,
        /** No virtual host or no route matched: Envoy answers 404 with response flag NR. */
        NO_ROUTE,
        /**
         * The chain terminates TLS and the connection is plaintext, or lacks the client certificate the chain requires:
         * the handshake fails and the connection is closed.
         */
        HANDSHAKE_FAILED,
        /** TLS bytes reach an HTTP connection manager that does not terminate TLS: a codec error, closed. */
        CODEC_ERROR
    }

    /** A retry policy as Envoy applies it (num_retries defaults to 1). */
    record Retry(String retryOn, int numRetries, Duration perTryTimeout, List<Integer> retriableStatusCodes) {
    }

    /**
     * @param cluster the single cluster of a {@code cluster} action, else null
     * @param weights the weighted clusters in order, else empty
     * @param timeout the route timeout (Envoy's 15 s when unset); null for TCP
     * @param retry the route's (else the virtual host's) retry policy, or null
     * @param tls the filter chain terminated TLS (a DownstreamTlsContext)
     */
    record Answer(Outcome outcome, String listener, String filterChain, String routeConfig, String virtualHost,
            String route, String cluster, Map<String, Integer> weights, Duration timeout, Retry retry, boolean tls) {

        private Answer terminating(boolean terminated) {
            return new Answer(outcome, listener, filterChain, routeConfig, virtualHost, route, cluster, weights,
                    timeout, retry, terminated);
        }

        /** The clusters that receive traffic: the single cluster, or the weighted clusters of weight > 0. */
        List<String> receivers() {
            if (cluster != null) {
                return List.of(cluster);
            }
            return weights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        }

        /** The one cluster that receives everything (fails otherwise). */
        String only() {
            List<String> r = receivers();
            if (r.size() != 1) {
                throw new AssertionError("not a single destination: " + this);
            }
            return r.get(0);
        }

        private static Answer failed(Outcome outcome, String listener, String chain, String config, String vhost) {
            return new Answer(outcome, listener, chain, config, vhost, null, null, Map.of(), null, null, false);
        }
    }

    static Answer route(EnvoyResources resources, Request request) {
        // The listener bound to the request's port takes it; else one with the original_dst listener filter, which
        // iptables sends every port to (a sidecar's; a hand-built listener without an address stands for one). A
        // gateway's listeners take their own port only.
        List<Listener> candidates = resources.listeners().stream()
                .filter(l -> l.getTrafficDirection() == request.direction()).toList();
        Listener listener = candidates.stream()
                .filter(l -> l.getAddress().getSocketAddress().getPortValue() == request.port()).findFirst()
                .or(() -> candidates.stream().filter(l -> l.getListenerFiltersList().stream()
                        .anyMatch(f -> f.getName().equals("envoy.filters.listener.original_dst")) || !l.hasAddress())
                        .findFirst())
                .orElseThrow(() -> new AssertionError("no " + request.direction() + " listener for port "
                        + request.port()));
        FilterChain chain = filterChain(listener, request);
        if (chain == null) {
            return Answer.failed(Outcome.NO_FILTER_CHAIN, listener.getName(), null, null, null);
        }
        DownstreamTlsContext terminates = downstreamTls(chain);
        if (terminates != null && (!request.tls()
                || terminates.getRequireClientCertificate().getValue() && !request.clientCertificate())) {
            return Answer.failed(Outcome.HANDSHAKE_FAILED, listener.getName(), chain.getName(), null, null)
                    .terminating(true);
        }
        boolean http = chain.getFiltersList().stream().anyMatch(f -> f.getTypedConfig().is(HttpConnectionManager.class));
        if (terminates == null && request.tls() && http) {
            return Answer.failed(Outcome.CODEC_ERROR, listener.getName(), chain.getName(), null, null);
        }
        return through(resources, listener, chain, request).terminating(terminates != null);
    }

    /** The chain's DownstreamTlsContext, or null when it does not terminate TLS. */
    private static DownstreamTlsContext downstreamTls(FilterChain chain) {
        if (!chain.hasTransportSocket()) {
            return null;
        }
        if (!chain.getTransportSocket().getTypedConfig().is(DownstreamTlsContext.class)) {
            throw new UnsupportedOperationException("transport socket not modelled: " + chain.getTransportSocket());
        }
        return unpack(chain.getTransportSocket().getTypedConfig(), DownstreamTlsContext.class);
    }

    /**
     * The UpstreamTlsContext of a served cluster, or null when the proxy connects to it in plaintext (the answer stops
     * at the cluster; this says how the connection to it is made).
     */
    static UpstreamTlsContext upstreamTls(EnvoyResources resources, String cluster) {
        Cluster c = resources.clusters().stream().filter(x -> x.getName().equals(cluster)).findFirst()
                .orElseThrow(() -> new AssertionError("cluster " + cluster + " not served"));
        if (!c.hasTransportSocket()) {
            return null;
        }
        return unpack(c.getTransportSocket().getTypedConfig(), UpstreamTlsContext.class);
    }

    private static Answer through(EnvoyResources resources, Listener listener, FilterChain chain, Request request) {
        for (Filter filter : chain.getFiltersList()) {
            Any config = filter.getTypedConfig();
            if (config.is(HttpConnectionManager.class)) {
                if (request.authority() == null) {
                    throw new IllegalArgumentException("an HTTP filter chain needs an HTTP request: " + chain.getName());
                }
                return http(resources, listener, chain, unpack(config, HttpConnectionManager.class), request);
            }
            if (config.is(TcpProxy.class)) {
                TcpProxy tcp = unpack(config, TcpProxy.class);
                Map<String, Integer> weights = new LinkedHashMap<>();
                tcp.getWeightedClusters().getClustersList().forEach(c -> weights.put(c.getName(), c.getWeight()));
                return new Answer(Outcome.ROUTED, listener.getName(), chain.getName(), null, null, null,
                        tcp.getCluster().isEmpty() ? null : tcp.getCluster(), weights, null, null, false);
            }
        }
        throw new UnsupportedOperationException("no HTTP connection manager or TCP proxy in " + chain.getName());
    }

    /**
     * A request through a virtual gateway's two hops: the inbound request on a gateway port, then — when its route
     * sends it to the gateway's own egress (a STATIC cluster on 127.0.0.1) — the same request as Envoy forwards it
     * (prefix_rewrite, regex_rewrite, host_rewrite_literal and request_headers_to_add applied) on the egress listener.
     *
     * @param forwarded the rewritten request, or null when the first hop did not route to the gateway itself
     * @param egress the second hop's answer, or null likewise
     */
    record GatewayAnswer(Answer ingress, Request forwarded, Answer egress) {
    }

    static GatewayAnswer gateway(EnvoyResources resources, Request request) {
        Answer in = route(resources, request.inbound());
        if (in.outcome() != Outcome.ROUTED || in.cluster() == null) {
            return new GatewayAnswer(in, null, null);
        }
        Cluster cluster = resources.clusters().stream().filter(c -> c.getName().equals(in.cluster())).findFirst()
                .orElseThrow(() -> new AssertionError("cluster " + in.cluster() + " not served"));
        var address = cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress()
                .getSocketAddress();
        if (cluster.getType() != Cluster.DiscoveryType.STATIC || !address.getAddress().equals("127.0.0.1")) {
            return new GatewayAnswer(in, null, null);
        }
        RouteConfiguration config = resources.routes().stream().filter(r -> r.getName().equals(in.routeConfig()))
                .findFirst().orElseThrow();
        Route route = config.getVirtualHostsList().stream().filter(v -> v.getName().equals(in.virtualHost()))
                .flatMap(v -> v.getRoutesList().stream()).filter(r -> r.getName().equals(in.route())).findFirst()
                .orElseThrow();
        RouteAction a = route.getRoute();
        String path = request.path();
        int q = path.indexOf('?');
        String query = q < 0 ? "" : path.substring(q);
        String bare = q < 0 ? path : path.substring(0, q);
        if (!a.getPrefixRewrite().isEmpty()) {
            if (!route.getMatch().hasPrefix()) {
                throw new UnsupportedOperationException("prefix_rewrite on a non-prefix match: " + route.getName());
            }
            path = a.getPrefixRewrite() + path.substring(route.getMatch().getPrefix().length());
        } else if (a.hasRegexRewrite()) {
            path = bare.replaceAll(a.getRegexRewrite().getPattern().getRegex(), a.getRegexRewrite().getSubstitution())
                    + query;
        }
        String authority = a.getHostRewriteLiteral().isEmpty() ? request.authority() : a.getHostRewriteLiteral();
        // the self-redirect hop is plaintext to the gateway's own egress listener
        Request forwarded = new Request(TrafficDirection.OUTBOUND, address.getPortValue(), null, authority, path,
                request.headers(), false, false);
        for (var add : route.getRequestHeadersToAddList()) {
            forwarded = forwarded.header(add.getHeader().getKey(), add.getHeader().getValue());
        }
        return new GatewayAnswer(in, forwarded, route(resources, forwarded));
    }

    // ---- filter chains

    private static FilterChain filterChain(Listener listener, Request request) {
        List<FilterChain> chains = listener.getFilterChainsList();
        for (FilterChain c : chains) {
            FilterChainMatch m = c.getFilterChainMatch();
            if (m.getPrefixRangesCount() + m.getSourcePrefixRangesCount() + m.getSourcePortsCount()
                    + m.getApplicationProtocolsCount() > 0 || m.hasSuffixLen()
                    || !m.getDirectSourcePrefixRangesList().isEmpty()) {
                throw new UnsupportedOperationException("filter chain criterion not modelled: " + c.getName());
            }
        }
        chains = narrow(chains, c -> c.getFilterChainMatch().hasDestinationPort(),
                c -> c.getFilterChainMatch().getDestinationPort().getValue() == request.port());
        // Server name and transport protocol are known only through the TLS inspector, where it looks
        boolean inspected = request.tls() && inspects(listener, request.port());
        String sni = inspected ? request.sni() : null;
        Predicate<FilterChain> namesSet = c -> c.getFilterChainMatch().getServerNamesCount() > 0;
        List<FilterChain> exact = chains.stream().filter(namesSet)
                .filter(c -> sni != null && c.getFilterChainMatch().getServerNamesList().contains(sni)).toList();
        chains = !exact.isEmpty()
                ? exact
                : narrow(chains, namesSet, c -> sni != null && c.getFilterChainMatch().getServerNamesList().stream()
                        .anyMatch(n -> n.startsWith("*.") && sni.endsWith(n.substring(1))));
        String transport = inspected ? "tls" : "raw_buffer";
        chains = narrow(chains, c -> !c.getFilterChainMatch().getTransportProtocol().isEmpty(),
                c -> c.getFilterChainMatch().getTransportProtocol().equals(transport));
        if (chains.size() > 1) {
            throw new AssertionError("ambiguous filter chains: " + chains.stream().map(FilterChain::getName).toList());
        }
        if (chains.size() == 1) {
            return chains.get(0);
        }
        return listener.hasDefaultFilterChain() ? listener.getDefaultFilterChain() : null;
    }

    /** Whether the listener's TLS inspector runs for a connection to {@code port} (its filter_disabled predicate). */
    private static boolean inspects(Listener listener, int port) {
        return listener.getListenerFiltersList().stream()
                .filter(f -> f.getName().equals(TlsTranslator.TLS_INSPECTOR))
                .anyMatch(f -> !f.hasFilterDisabled() || !matches(f.getFilterDisabled(), port));
    }

    private static boolean matches(ListenerFilterChainMatchPredicate p, int port) {
        return switch (p.getRuleCase()) {
            case DESTINATION_PORT_RANGE -> port >= p.getDestinationPortRange().getStart()
                    && port < p.getDestinationPortRange().getEnd();
            case NOT_MATCH -> !matches(p.getNotMatch(), port);
            case OR_MATCH -> p.getOrMatch().getRulesList().stream().anyMatch(r -> matches(r, port));
            case AND_MATCH -> p.getAndMatch().getRulesList().stream().allMatch(r -> matches(r, port));
            case ANY_MATCH -> true;
            default -> throw new UnsupportedOperationException("listener filter predicate not modelled: " + p);
        };
    }

    /** One level of Envoy's filter chain search: the chains that set a criterion and match it, else those leaving it unset. */
    private static List<FilterChain> narrow(List<FilterChain> chains, Predicate<FilterChain> sets,
            Predicate<FilterChain> matches) {
        List<FilterChain> specific = chains.stream().filter(sets.and(matches)).toList();
        return !specific.isEmpty() ? specific : chains.stream().filter(sets.negate()).toList();
    }

    // ---- HTTP

    private static Answer http(EnvoyResources resources, Listener listener, FilterChain chain,
            HttpConnectionManager hcm, Request request) {
        RouteConfiguration config = hcm.hasRouteConfig()
                ? hcm.getRouteConfig()
                : resources.routes().stream().filter(r -> r.getName().equals(hcm.getRds().getRouteConfigName()))
                        .findFirst().orElseThrow(() -> new AssertionError(
                                "route configuration " + hcm.getRds().getRouteConfigName() + " not served"));
        String host = request.authority().toLowerCase(Locale.ROOT);
        if (config.getIgnorePortInHostMatching() || hcm.getStripAnyHostPort()) {
            host = host.replaceFirst(":[0-9]+$", "");
        }
        VirtualHost vhost = virtualHost(config, host);
        if (vhost == null) {
            return Answer.failed(Outcome.NO_ROUTE, listener.getName(), chain.getName(), config.getName(), null);
        }
        String path = hcm.getMergeSlashes() ? request.path().replaceAll("/{2,}", "/") : request.path();
        Map<String, String> headers = request.allHeaders();
        headers.put(":path", path);
        for (Route route : vhost.getRoutesList()) {
            if (matches(route.getMatch(), path, headers)) {
                return action(listener, chain, config, vhost, route);
            }
        }
        return Answer.failed(Outcome.NO_ROUTE, listener.getName(), chain.getName(), config.getName(),
                vhost.getName());
    }

    /** Envoy's virtual host search: exact domain, then the longest {@code *suffix}, the longest {@code prefix*}, {@code *}. */
    static VirtualHost virtualHost(RouteConfiguration config, String host) {
        VirtualHost suffix = null;
        VirtualHost prefix = null;
        VirtualHost any = null;
        int suffixLen = -1;
        int prefixLen = -1;
        for (VirtualHost vhost : config.getVirtualHostsList()) {
            for (String domain : vhost.getDomainsList()) {
                String d = domain.toLowerCase(Locale.ROOT);
                if (d.equals("*")) {
                    any = any == null ? vhost : any;
                } else if (d.startsWith("*")) {
                    String s = d.substring(1);
                    if (host.length() > s.length() && host.endsWith(s) && s.length() > suffixLen) {
                        suffix = vhost;
                        suffixLen = s.length();
                    }
                } else if (d.endsWith("*")) {
                    String p = d.substring(0, d.length() - 1);
                    if (host.length() > p.length() && host.startsWith(p) && p.length() > prefixLen) {
                        prefix = vhost;
                        prefixLen = p.length();
                    }
                } else if (d.equals(host)) {
                    return vhost;
                }
            }
        }
        return suffix != null ? suffix : prefix != null ? prefix : any;
    }

    static boolean matches(RouteMatch match, String path, Map<String, String> headers) {
        String bare = path.replaceFirst("[?#].*$", "");
        boolean caseSensitive = !match.hasCaseSensitive() || match.getCaseSensitive().getValue();
        boolean pathMatches = switch (match.getPathSpecifierCase()) {
            case PREFIX -> caseSensitive
                    ? path.startsWith(match.getPrefix())
                    : path.toLowerCase(Locale.ROOT).startsWith(match.getPrefix().toLowerCase(Locale.ROOT));
            case PATH -> caseSensitive ? bare.equals(match.getPath()) : bare.equalsIgnoreCase(match.getPath());
            case SAFE_REGEX -> Pattern.compile(match.getSafeRegex().getRegex()).matcher(bare).matches();
            case PATH_SEPARATED_PREFIX -> bare.equals(match.getPathSeparatedPrefix())
                    || bare.startsWith(match.getPathSeparatedPrefix() + "/");
            default -> throw new UnsupportedOperationException("path specifier " + match.getPathSpecifierCase());
        };
        if (!pathMatches) {
            return false;
        }
        if (match.hasGrpc() && !isGrpc(headers.get("content-type"))) {
            return false;
        }
        if (match.hasRuntimeFraction() || match.hasTlsContext() || match.getDynamicMetadataCount() > 0) {
            throw new UnsupportedOperationException("route match criterion not modelled: " + match);
        }
        if (!match.getHeadersList().stream().allMatch(h -> matches(h, headers))) {
            return false;
        }
        Map<String, String> query = query(path);
        return match.getQueryParametersList().stream().allMatch(q -> matches(q, query));
    }

    private static boolean isGrpc(String contentType) {
        return contentType != null && (contentType.equals("application/grpc")
                || contentType.startsWith("application/grpc+") || contentType.startsWith("application/grpc;"));
    }

    /**
     * A header matcher. A missing header matches only a {@code present_match} (true when inverted, false when not)
     * unless {@code treat_missing_header_as_empty}; otherwise the result is inverted by {@code invert_match}.
     */
    static boolean matches(HeaderMatcher h, Map<String, String> headers) {
        String value = headers.get(h.getName().toLowerCase(Locale.ROOT));
        if (value == null && h.getTreatMissingHeaderAsEmpty()) {
            value = "";
        }
        HeaderMatcher.HeaderMatchSpecifierCase kind = h.getHeaderMatchSpecifierCase();
        boolean presence = kind == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH
                || kind == HeaderMatcher.HeaderMatchSpecifierCase.HEADERMATCHSPECIFIER_NOT_SET;
        boolean wantsPresent = kind != HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH || h.getPresentMatch();
        if (value == null) {
            return presence && wantsPresent == h.getInvertMatch();
        }
        boolean result = switch (kind) {
            case PRESENT_MATCH, HEADERMATCHSPECIFIER_NOT_SET -> wantsPresent;
            case STRING_MATCH -> matches(h.getStringMatch(), value);
            case RANGE_MATCH -> inRange(value, h.getRangeMatch().getStart(), h.getRangeMatch().getEnd());
            default -> throw new UnsupportedOperationException("header matcher " + kind);
        };
        return result != h.getInvertMatch();
    }

    /** Range match: a base-10 integer value in [start, end). */
    private static boolean inRange(String value, long start, long end) {
        try {
            long n = Long.parseLong(value);
            return n >= start && n < end;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean matches(StringMatcher m, String value) {
        boolean ic = m.getIgnoreCase();
        String v = ic ? value.toLowerCase(Locale.ROOT) : value;
        return switch (m.getMatchPatternCase()) {
            case EXACT -> v.equals(ic ? m.getExact().toLowerCase(Locale.ROOT) : m.getExact());
            case PREFIX -> v.startsWith(ic ? m.getPrefix().toLowerCase(Locale.ROOT) : m.getPrefix());
            case SUFFIX -> v.endsWith(ic ? m.getSuffix().toLowerCase(Locale.ROOT) : m.getSuffix());
            case CONTAINS -> v.contains(ic ? m.getContains().toLowerCase(Locale.ROOT) : m.getContains());
            // RE2 full match; the simple patterns used here mean the same in java.util.regex
            case SAFE_REGEX -> Pattern.compile(m.getSafeRegex().getRegex()).matcher(value).matches();
            default -> throw new UnsupportedOperationException("string matcher " + m.getMatchPatternCase());
        };
    }

    private static boolean matches(QueryParameterMatcher q, Map<String, String> query) {
        String value = query.get(q.getName());
        return switch (q.getQueryParameterMatchSpecifierCase()) {
            case PRESENT_MATCH -> (value != null) == q.getPresentMatch();
            case STRING_MATCH -> value != null && matches(q.getStringMatch(), value);
            default -> throw new UnsupportedOperationException("query matcher " + q);
        };
    }

    /** The query string's parameters (first value wins; no percent-decoding). */
    private static Map<String, String> query(String path) {
        Map<String, String> query = new HashMap<>();
        int q = path.indexOf('?');
        if (q < 0) {
            return query;
        }
        for (String pair : path.substring(q + 1).replaceFirst("#.*$", "").split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.putIfAbsent(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return query;
    }

    private static Answer action(Listener listener, FilterChain chain, RouteConfiguration config, VirtualHost vhost,
            Route route) {
        if (!route.hasRoute()) {
            throw new UnsupportedOperationException("route action " + route.getActionCase());
        }
        RouteAction a = route.getRoute();
        Map<String, Integer> weights = new LinkedHashMap<>();
        String cluster = switch (a.getClusterSpecifierCase()) {
            case CLUSTER -> a.getCluster();
            case WEIGHTED_CLUSTERS -> {
                a.getWeightedClusters().getClustersList().forEach(c -> weights.put(c.getName(), c.getWeight().getValue()));
                yield null;
            }
            default -> throw new UnsupportedOperationException("cluster specifier " + a.getClusterSpecifierCase());
        };
        Duration timeout = a.hasTimeout() ? duration(a.getTimeout()) : ENVOY_DEFAULT_TIMEOUT;
        RetryPolicy policy = a.hasRetryPolicy() ? a.getRetryPolicy() : vhost.hasRetryPolicy() ? vhost.getRetryPolicy() : null;
        Retry retry = policy == null
                ? null
                : new Retry(policy.getRetryOn(), policy.hasNumRetries() ? policy.getNumRetries().getValue() : 1,
                        policy.hasPerTryTimeout() ? duration(policy.getPerTryTimeout()) : null,
                        policy.getRetriableStatusCodesList());
        return new Answer(Outcome.ROUTED, listener.getName(), chain.getName(), config.getName(), vhost.getName(),
                route.getName(), cluster, weights, timeout, retry, false);
    }

    private static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
