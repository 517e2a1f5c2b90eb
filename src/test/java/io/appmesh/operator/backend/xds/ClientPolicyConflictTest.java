package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.mesh.Resolved;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Backends reaching one target listener share its cluster, which originates TLS one way or not at all. The golden case
 * {@code tls-shared-cluster} (a backend without a policy first, one enforcing TLS second) must get TLS; two enforcing
 * policies that differ are refused by the backend ({@code ConflictingClientPolicies}) and fail translation, never
 * served with one of them picked.
 */
class ClientPolicyConflictTest {

    private static final Path CASE = GoldenCases.CASES.resolve("tls-shared-cluster");
    private static final String SHARED = "cds_egress_howto-mesh_color_howto_http_8080";

    private final XdsControlPlane plane = new XdsControlPlane(OperatorConfigs.from(Map.of("appmesh.backend", "xds")),
            null, new SimpleMeterRegistry(), null);
    private final XdsMeshBackend backend = new XdsMeshBackend(plane);

    @Test
    void aLaterBackendEnforcingTlsSecuresTheSharedCluster() throws Exception {
        Cluster shared = GoldenCases.translate("tls-shared-cluster", "front").clusters().stream()
                .filter(c -> c.getName().equals(SHARED)).findFirst().orElseThrow();
        assertThat(shared.hasTransportSocket()).as("TLS although the first backend reaching it has no policy").isTrue();
        assertThat(shared.getTransportSocket().getTypedConfig()
                .unpack(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class).getSni())
                .isEqualTo("color.howto.svc.cluster.local");
        assertThat(XdsTranslator.proxyless(model(front()))).as("no port left in plaintext for proxyless clients")
                .satisfies(r -> assertThat(r.listeners()).isEmpty());
    }

    @Test
    void differentEnforcedPoliciesTowardsOneListenerAreRefused() throws Exception {
        VirtualNode front = withAliasPolicy(front(), "/certs/other_ca.pem", List.of("color.howto.svc.cluster.local"));
        NodeModel model = model(front);
        assertThat(TlsTranslator.conflicts(model)).singleElement().asString()
                .contains("color-alias.howto.svc.cluster.local", "color.howto.svc.cluster.local", SHARED);
        assertThatThrownBy(() -> XdsTranslator.translate(model))
                .isInstanceOf(TlsTranslator.ConflictingClientPolicies.class);

        admitAllButFront();
        assertThatThrownBy(() -> backend.syncVirtualNode(resolved(front))).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).reason()).isEqualTo("ConflictingClientPolicies"))
                .hasMessageContaining(SHARED);
        assertThat(plane.served().get(VirtualNode.class, "howto", "front")).as("never served").isEmpty();
    }

    @Test
    void theSamePolicyTwiceIsNoConflict() throws Exception {
        // Same trust, the SANs in another order and a ports list that includes the port: the cluster is the same.
        VirtualNode front = withAliasPolicy(front(), "/certs/ca_cert.pem", List.of("color.howto.svc.cluster.local"));
        front.getSpec().getBackends().get(0).getVirtualService().getClientPolicy().getTls().setPorts(List.of(8080L));
        assertThat(TlsTranslator.conflicts(model(front))).isEmpty();
        admitAllButFront();
        backend.syncVirtualNode(resolved(front));
        assertThat(plane.served().get(VirtualNode.class, "howto", "front")).isPresent();
        // The first enforcing backend in spec order now gives the SNI.
        Cluster shared = XdsTranslator.translate(model(front)).clusters().stream()
                .filter(c -> c.getName().equals(SHARED)).findFirst().orElseThrow();
        assertThat(shared.getTransportSocket().getTypedConfig()
                .unpack(io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext.class).getSni())
                .isEqualTo("color-alias.howto.svc.cluster.local");
    }

    @Test
    void aPolicyWhosePortsExcludeTheListenerDoesNotConflict() throws Exception {
        VirtualNode front = withAliasPolicy(front(), "/certs/other_ca.pem", List.of());
        front.getSpec().getBackends().get(0).getVirtualService().getClientPolicy().getTls().setPorts(List.of(9090L));
        assertThat(TlsTranslator.conflicts(model(front))).isEmpty();
    }

    private static VirtualNode front() throws Exception {
        return cluster().get(VirtualNode.class, "howto", "front").orElseThrow();
    }

    /** front with a client policy of its own on its first backend (color-alias, which reaches color:8080). */
    private static VirtualNode withAliasPolicy(VirtualNode front, String ca, List<String> sans) throws Exception {
        VirtualNode copy = YamlDocuments.YAML.convertValue(YamlDocuments.YAML.valueToTree(front), VirtualNode.class);
        var policy = YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                tls:
                  validation:
                    trust: {file: {certificateChain: %s}}
                    subjectAlternativeNames: {match: {exact: %s}}
                """.formatted(ca, sans)).get(0),
                io.appmesh.operator.api.v1beta2.virtualnode.ClientPolicy.class);
        copy.getSpec().getBackends().get(0).getVirtualService().setClientPolicy(policy);
        return copy;
    }

    private static NodeModel model(VirtualNode front) throws Exception {
        XdsTranslatorTest.Cluster cluster = cluster();
        return new NodeModels(cluster, cluster::endpoints).build(front,
                cluster.get(Mesh.class, null, "howto-mesh").orElseThrow());
    }

    private void admitAllButFront() throws Exception {
        XdsTranslatorTest.Cluster cluster = cluster();
        cluster.all(Mesh.class).forEach(plane::admit);
        cluster.all(VirtualService.class).forEach(plane::admit);
        cluster.all(VirtualRouter.class).forEach(plane::admit);
        cluster.all(VirtualNode.class).stream().filter(n -> !n.getMetadata().getName().equals("front"))
                .forEach(plane::admit);
    }

    private static Resolved<VirtualNode> resolved(VirtualNode node) throws Exception {
        return new Resolved<>(node, cluster().get(Mesh.class, null, "howto-mesh").orElseThrow(), Map.of(), List.of());
    }

    private static XdsTranslatorTest.Cluster cluster() throws Exception {
        XdsTranslatorTest.Cluster cluster = new XdsTranslatorTest.Cluster();
        cluster.read(CASE.resolve("in-mesh.yaml"));
        return cluster;
    }
}
