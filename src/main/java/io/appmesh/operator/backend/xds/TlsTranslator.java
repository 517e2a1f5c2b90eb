package io.appmesh.operator.backend.xds;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.google.protobuf.BoolValue;

import io.appmesh.operator.mesh.model.BackendModel;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.Protocol;
import io.appmesh.operator.mesh.model.RouteModel;
import io.appmesh.operator.mesh.model.TargetModel;
import io.appmesh.operator.mesh.model.TlsModel;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilterChainMatchPredicate;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.Int32Range;

/**
 * App Mesh TLS in Envoy terms, shared by sidecars ({@link ListenerTranslator}, {@link ClusterTranslator}) and virtual
 * gateways ({@link GatewayTranslator}):
 * <ul>
 * <li>a listener in STRICT mode: its filter chain terminates TLS ({@code DownstreamTlsContext}, client certificates
 * required when it has a validation); PERMISSIVE: a TLS chain ({@code transport_protocol: tls}, detected by the TLS
 * inspector) and the plaintext chain side by side;</li>
 * <li>a cluster whose caller's client policy is enforced for its port: {@code UpstreamTlsContext} with the trusted
 * CAs, the subject alternative names and, for mutual TLS, the client certificate; SNI the virtual service's
 * name.</li>
 * </ul>
 * Files become {@code filename} data sources (the secretMounts annotation mounts them into the proxy's container);
 * SDS secrets are fetched over gRPC through {@link Names#SDS_CLUSTER}, the bootstrap's cluster to the SDS unix socket.
 */
final class TlsTranslator {

    private TlsTranslator() {
    }

    static final String TRANSPORT_SOCKET = "envoy.transport_sockets.tls";
    static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";

    /**
     * The filter chains serving one listener port: {@code plain} as is without TLS; in STRICT mode the same chain
     * terminating TLS; in PERMISSIVE mode a TLS chain {@code <name>_tls} matching {@code transport_protocol: tls} and
     * the plaintext chain, which takes what the TLS inspector did not recognise as TLS.
     */
    static List<FilterChain> chains(FilterChain plain, TlsModel.Listener tls, Protocol protocol) {
        if (tls == null) {
            return List.of(plain);
        }
        FilterChain.Builder secure = plain.toBuilder().setTransportSocket(downstream(tls, protocol));
        if (tls.mode() == TlsModel.Mode.STRICT) {
            return List.of(secure.build());
        }
        secure.setName(plain.getName() + "_tls")
                .setFilterChainMatch(plain.getFilterChainMatch().toBuilder().setTransportProtocol("tls"));
        return List.of(secure.build(), plain);
    }

    /**
     * The TLS inspector, enabled only for the given ports (the PERMISSIVE ones) when a listener serves several:
     * elsewhere it would hold server-first protocols (MySQL, SMTP) until its timeout, waiting for a client hello
     * that never comes. Empty {@code ports}: enabled for every connection (a listener bound to one port).
     */
    static ListenerFilter inspector(List<Integer> ports) {
        ListenerFilter.Builder filter = ListenerFilter.newBuilder().setName(TLS_INSPECTOR)
                .setTypedConfig(Protos.any(TlsInspector.getDefaultInstance()));
        if (!ports.isEmpty()) {
            List<ListenerFilterChainMatchPredicate> each = ports.stream()
                    .map(p -> ListenerFilterChainMatchPredicate.newBuilder()
                            .setDestinationPortRange(Int32Range.newBuilder().setStart(p).setEnd(p + 1)).build())
                    .toList();
            ListenerFilterChainMatchPredicate any = each.size() == 1
                    ? each.get(0)
                    : ListenerFilterChainMatchPredicate.newBuilder()
                            .setOrMatch(ListenerFilterChainMatchPredicate.MatchSet.newBuilder().addAllRules(each))
                            .build();
            filter.setFilterDisabled(ListenerFilterChainMatchPredicate.newBuilder().setNotMatch(any));
        }
        return filter.build();
    }

    static TransportSocket downstream(TlsModel.Listener tls, Protocol protocol) {
        if (tls.certificate() == null) {
            throw new IllegalArgumentException("listener TLS without a certificate");
        }
        CommonTlsContext.Builder common = CommonTlsContext.newBuilder();
        certificate(tls.certificate(), common);
        if (tls.validation() != null) {
            validation(tls.validation(), common);
        }
        if (protocol != Protocol.TCP) {
            // the connection manager's AUTO codec serves both; gRPC clients insist on negotiating h2
            common.addAlpnProtocols("h2").addAlpnProtocols("http/1.1");
        }
        DownstreamTlsContext.Builder context = DownstreamTlsContext.newBuilder().setCommonTlsContext(common);
        if (tls.validation() != null) {
            context.setRequireClientCertificate(BoolValue.of(true));
        }
        return socket(context.build());
    }

    /**
     * The UpstreamTlsContext of a caller's cluster to {@code target}, or empty when the target is called in
     * plaintext. A cluster is shared by every backend service whose routes reach that target listener: see
     * {@link #clientPolicy}.
     */
    static Optional<TransportSocket> upstream(NodeModel node, TargetModel target) {
        return clientPolicy(node, target).map(p -> upstream(p.getValue(), p.getKey(), target.protocol()));
    }

    /**
     * The service whose client policy applies to calls to {@code target}, with that policy, if one is enforced there.
     * One cluster carries every backend's calls to that target listener, so it can originate TLS or not, with one
     * trust: if any backend reaching it enforces a policy for its port, the cluster uses TLS (a later backend asking for
     * TLS must not be sent in plaintext because an earlier one did not ask — a PERMISSIVE target would accept that
     * silently); of the enforcing backends the first in the node's order gives the SNI (its name).
     *
     * @throws ConflictingClientPolicies when two enforcing backends differ in what the cluster would do (trust,
     *         subject alternative names, client certificate): no choice between them would be right, and the xDS
     *         backend refuses such a node before it is served ({@link #conflicts})
     */
    static Optional<Map.Entry<String, TlsModel.Client>> clientPolicy(NodeModel node, TargetModel target) {
        if (node.backends().stream().allMatch(b -> b.tls() == null)) {
            return Optional.empty(); // the common case, without the search
        }
        Map.Entry<String, TlsModel.Client> chosen = null;
        for (BackendModel backend : node.backends()) {
            TlsModel.Client tls = backend.tls();
            if (tls == null || !tls.appliesTo(target.port()) || !reaches(backend, target)) {
                continue;
            }
            if (chosen == null) {
                chosen = Map.entry(backend.name(), tls);
            } else if (!sameOrigination(chosen.getValue(), tls)) {
                throw new ConflictingClientPolicies(Names.egressCluster(node.mesh(), target.node(),
                        target.protocol(), target.port()), chosen.getKey(), backend.name());
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * Every conflict of a node's client policies ({@link #clientPolicy}), one message per target listener; empty when
     * each of its clusters has at most one way of originating TLS.
     */
    static List<String> conflicts(NodeModel node) {
        List<String> found = new ArrayList<>();
        if (node.backends().stream().allMatch(b -> b.tls() == null)) {
            return found;
        }
        Set<String> seen = new HashSet<>();
        for (BackendModel backend : node.backends()) {
            for (BackendModel.PortRoutes port : backend.ports()) {
                for (RouteModel route : port.routes()) {
                    for (RouteModel.Target t : route.targets()) {
                        TargetModel target = t.node();
                        if (!seen.add(target.node() + "|" + target.protocol() + "|" + target.port())) {
                            continue;
                        }
                        try {
                            clientPolicy(node, target);
                        } catch (ConflictingClientPolicies e) {
                            found.add(e.getMessage());
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Whether two enforced policies make the cluster originate TLS the same way. Their {@code ports} do not matter
     * (both apply to this port), nor the order of the subject alternative names (any of them is accepted).
     */
    private static boolean sameOrigination(TlsModel.Client a, TlsModel.Client b) {
        return Objects.equals(a.certificate(), b.certificate())
                && Objects.equals(a.validation().trust(), b.validation().trust())
                && Set.copyOf(a.validation().subjectAltNames())
                        .equals(Set.copyOf(b.validation().subjectAltNames()));
    }

    /** Two backends reaching one target listener enforce different client policies there. */
    static final class ConflictingClientPolicies extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        ConflictingClientPolicies(String cluster, String first, String second) {
            super("backends " + first + " and " + second + " both reach the target listener of cluster " + cluster
                    + " with different client policies (trust, subject alternative names or client certificate);"
                    + " one cluster can originate TLS only one way: give both the same policy, or route them to"
                    + " different listeners");
        }
    }

    private static boolean reaches(BackendModel backend, TargetModel target) {
        for (BackendModel.PortRoutes port : backend.ports()) {
            for (RouteModel route : port.routes()) {
                for (RouteModel.Target t : route.targets()) {
                    if (t.node().node().equals(target.node()) && t.node().port() == target.port()
                            && t.node().protocol() == target.protocol()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static TransportSocket upstream(TlsModel.Client tls, String sni, Protocol protocol) {
        CommonTlsContext.Builder common = CommonTlsContext.newBuilder();
        if (tls.certificate() != null) {
            certificate(tls.certificate(), common);
        }
        validation(tls.validation(), common);
        if (protocol.http2()) {
            common.addAlpnProtocols("h2");
        }
        return socket(UpstreamTlsContext.newBuilder().setCommonTlsContext(common).setSni(sni).build());
    }

    private static void certificate(TlsModel.Source source, CommonTlsContext.Builder common) {
        if (source.sds() != null) {
            common.addTlsCertificateSdsSecretConfigs(sds(source.sds()));
        } else {
            common.addTlsCertificates(TlsCertificate.newBuilder()
                    .setCertificateChain(DataSource.newBuilder().setFilename(source.file()))
                    .setPrivateKey(DataSource.newBuilder().setFilename(source.privateKey())));
        }
    }

    /**
     * The trust bundle and subject alternative names. An SDS trust bundle with names to match is a combined
     * validation context: the names stay in the configuration, the bundle comes from the SDS server.
     */
    private static void validation(TlsModel.Validation validation, CommonTlsContext.Builder common) {
        if (validation.trust() == null) {
            throw new IllegalArgumentException("TLS validation without a trust");
        }
        CertificateValidationContext.Builder context = CertificateValidationContext.newBuilder();
        validation.subjectAltNames().forEach(name -> context.addMatchTypedSubjectAltNames(san(name)));
        if (validation.trust().sds() == null) {
            common.setValidationContext(
                    context.setTrustedCa(DataSource.newBuilder().setFilename(validation.trust().file())));
        } else if (validation.subjectAltNames().isEmpty()) {
            common.setValidationContextSdsSecretConfig(sds(validation.trust().sds()));
        } else {
            common.setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
                    .setDefaultValidationContext(context)
                    .setValidationContextSdsSecretConfig(sds(validation.trust().sds())));
        }
    }

    /**
     * App Mesh's exact SAN: a URI SAN when the name has a scheme (SPIFFE IDs, {@code spiffe://domain/path}), else a
     * DNS SAN (names such as {@code color-blue.howto.svc.cluster.local}; a DNS SAN cannot hold "://").
     */
    static SubjectAltNameMatcher san(String name) {
        return SubjectAltNameMatcher.newBuilder()
                .setSanType(isUri(name) ? SubjectAltNameMatcher.SanType.URI : SubjectAltNameMatcher.SanType.DNS)
                .setMatcher(StringMatcher.newBuilder().setExact(name)).build();
    }

    private static boolean isUri(String name) {
        if (!name.contains("://")) {
            return false;
        }
        try {
            return URI.create(name).getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An SDS secret fetched through the bootstrap's cluster to the SDS server's unix socket. */
    static SdsSecretConfig sds(String name) {
        return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(ConfigSource.newBuilder()
                .setResourceApiVersion(ApiVersion.V3)
                .setApiConfigSource(ApiConfigSource.newBuilder().setApiType(ApiConfigSource.ApiType.GRPC)
                        .setTransportApiVersion(ApiVersion.V3).addGrpcServices(GrpcService.newBuilder()
                                .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(Names.SDS_CLUSTER)))))
                .build();
    }

    private static TransportSocket socket(com.google.protobuf.Message context) {
        return TransportSocket.newBuilder().setName(TRANSPORT_SOCKET).setTypedConfig(Protos.any(context)).build();
    }

    /** The PERMISSIVE ports among a node's listeners (where the TLS inspector must look). */
    static List<Integer> permissivePorts(List<io.appmesh.operator.mesh.model.ListenerModel> listeners) {
        List<Integer> ports = new ArrayList<>();
        listeners.stream().filter(l -> l.tls() != null && l.tls().mode() == TlsModel.Mode.PERMISSIVE)
                .forEach(l -> ports.add(l.port()));
        return ports;
    }
}
