package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.testing.YamlDocuments;
import io.envoyproxy.envoy.config.core.v3.Node;

/** NACK bookkeeping per node group, and the RE2 check that keeps regexes Envoy refuses from reaching a proxy. */
class ProxyFeedbackTest {

    @Test
    void aNackShowsUntilTheTypeIsAcknowledged() {
        ProxyFeedback feedback = new ProxyFeedback();
        List<String> told = new ArrayList<>();
        feedback.listen(told::add);
        feedback.nacked("g", AdsClient.RDS, "unknown cluster");
        feedback.nacked("g", AdsClient.RDS, "unknown cluster");
        feedback.nacked("g", AdsClient.CDS, "bad lb policy");
        assertThat(feedback.rejection("g")).hasValue("CDS rejected: bad lb policy; RDS rejected: unknown cluster");
        assertThat(feedback.rejection("other")).isEmpty();
        feedback.acked("g", AdsClient.CDS);
        feedback.acked("g", AdsClient.LDS);
        assertThat(feedback.rejection("g")).hasValue("RDS rejected: unknown cluster");
        feedback.acked("g", AdsClient.RDS);
        assertThat(feedback.rejection("g")).isEmpty();
        assertThat(told).as("told once per change, never for a repeat or an ACK of an accepted type")
                .containsExactly("g", "g", "g", "g");
    }

    @Test
    void thePodOfAStreamIsReadFromAwsAppmeshEnvoysNodeMetadata() {
        Struct k8s = Struct.newBuilder().putFields("podUid", Value.newBuilder().setStringValue("uid-1").build())
                .putFields("k8sVersion", Value.newBuilder().setStringValue("v1.30").build()).build();
        Struct platform = Struct.newBuilder()
                .putFields("k8sPlatformInfo", Value.newBuilder().setStructValue(k8s).build()).build();
        Node node = Node.newBuilder().setId("mesh/m/virtualNode/n").setMetadata(Struct.newBuilder()
                .putFields("aws.appmesh.platformInfo", Value.newBuilder().setStructValue(platform).build())).build();
        assertThat(StreamCallbacks.podUid(node)).isEqualTo("uid-1");
        assertThat(StreamCallbacks.podUid(Node.newBuilder().setId("x").build())).isNull();
    }

    @Test
    void regexesEnvoyCannotCompileAreRefused() throws Exception {
        XdsMeshBackend.checkRegexes(router("/color/(blue|green)", "^[a-z]+$").getSpec().getRoutes(), "spec.routes");
        assertThatThrownBy(() -> XdsMeshBackend.checkRegexes(router("/(?=blue)", "ok").getSpec().getRoutes(),
                "spec.routes"))
                .isInstanceOf(BackendException.class).hasMessageContaining("spec.routes[0].httpRoute.match.path.regex")
                .satisfies(e -> assertThat(((BackendException) e).reason()).isEqualTo("InvalidRegex"));
        assertThatThrownBy(() -> XdsMeshBackend.checkRegexes(router("/ok", "(a)\\\\1").getSpec().getRoutes(),
                "spec.routes")).hasMessageContaining("spec.routes[0].httpRoute.match.headers[0].match.regex");
    }

    @Test
    void aGatewayRoutesRegexesAreCheckedToo() throws Exception {
        GatewayRoute route = YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: GatewayRoute
                metadata: {name: g, namespace: ns}
                spec:
                  http2Route:
                    match:
                      path: {regex: "/ok/[a-z]+"}
                      headers: [{name: x, match: {regex: "(?=a)"}}]
                    action: {target: {virtualService: {virtualServiceRef: {name: s}}}}
                """).get(0), GatewayRoute.class);
        assertThatThrownBy(() -> XdsMeshBackend.checkRegexes(route.getSpec(), "spec"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("spec.http2Route.match.headers[0].match.regex")
                .hasMessageNotContaining("path.regex");
        route.getSpec().getHttp2Route().getMatch().setHeaders(null);
        XdsMeshBackend.checkRegexes(route.getSpec(), "spec");
    }

    private static VirtualRouter router(String path, String header) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualRouter
                metadata: {name: r, namespace: ns}
                spec:
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  routes:
                    - name: r
                      httpRoute:
                        match:
                          path: {regex: "%s"}
                          headers: [{name: x, match: {regex: "%s"}}]
                        action: {weightedTargets: [{virtualNodeRef: {name: n}, weight: 1}]}
                """.formatted(path, header)).get(0), VirtualRouter.class);
    }
}
