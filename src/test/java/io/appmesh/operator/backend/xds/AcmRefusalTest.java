package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.mesh.Resolved;
import io.appmesh.operator.mesh.model.TlsModels;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * ACM certificates and private CAs cannot be served without AWS: the xDS backend refuses an object that would use
 * them (reason {@code AcmNotServedByXds}; the reconciler turns a backend refusal into the condition and a Warning
 * event, AppMeshReconcilerTest), and the last admitted version stays served. Fields that would not be used (a
 * DISABLED listener, a client policy not enforced) do not count.
 */
class AcmRefusalTest {

    private final XdsControlPlane plane = new XdsControlPlane(OperatorConfigs.from(Map.of("appmesh.backend", "xds")),
            null, new SimpleMeterRegistry(), null);
    private final XdsMeshBackend backend = new XdsMeshBackend(plane);

    @Test
    void everyAcmFieldOfAVirtualNodeThatWouldBeUsedIsNamed() throws Exception {
        VirtualNode node = node("""
                listeners:
                  - portMapping: {port: 8080, protocol: http}
                    tls: {mode: STRICT, certificate: {acm: {certificateARN: arn:cert}}}
                  - portMapping: {port: 8081, protocol: http}
                    tls: {mode: DISABLED, certificate: {acm: {certificateARN: arn:cert}}}
                backendDefaults:
                  clientPolicy:
                    tls: {validation: {trust: {acm: {certificateAuthorityARNs: [arn:ca]}}}}
                backends:
                  - virtualService:
                      virtualServiceRef: {name: a}
                      clientPolicy:
                        tls: {enforce: false, validation: {trust: {acm: {certificateAuthorityARNs: [arn:ca]}}}}
                  - virtualService:
                      virtualServiceRef: {name: b}
                      clientPolicy:
                        tls: {ports: [8080], validation: {trust: {acm: {certificateAuthorityARNs: [arn:ca]}}}}
                """);
        assertThat(TlsModels.acmFields(node)).containsExactly("spec.listeners[0].tls.certificate.acm",
                "spec.backendDefaults.clientPolicy.tls.validation.trust.acm",
                "spec.backends[1].virtualService.clientPolicy.tls.validation.trust.acm");
        assertThat(TlsModels.acmFields(node("""
                listeners:
                  - portMapping: {port: 8080, protocol: http}
                    tls: {mode: STRICT, certificate: {file: {certificateChain: /c, privateKey: /k}}}
                backendDefaults:
                  clientPolicy: {tls: {validation: {trust: {sds: {secretName: spiffe://td}}}}}
                """))).isEmpty();
    }

    @Test
    void everyAcmFieldOfAVirtualGatewayThatWouldBeUsedIsNamed() throws Exception {
        VirtualGateway gateway = gateway("""
                listeners:
                  - portMapping: {port: 8443, protocol: http}
                    tls:
                      mode: PERMISSIVE
                      certificate: {acm: {certificateARN: arn:cert}}
                      validation: {trust: {acm: {certificateAuthorityARNs: [arn:ca]}}}
                backendDefaults:
                  clientPolicy: {tls: {validation: {trust: {acm: {certificateAuthorityARNs: [arn:ca]}}}}}
                """);
        assertThat(TlsModels.acmFields(gateway)).containsExactly("spec.listeners[0].tls.certificate.acm",
                "spec.listeners[0].tls.validation.trust.acm",
                "spec.backendDefaults.clientPolicy.tls.validation.trust.acm");
        BackendException refused = (BackendException) org.assertj.core.api.Assertions
                .catchThrowable(() -> backend.syncVirtualGateway(resolved(gateway)));
        assertThat(refused.reason()).as("refused for ACM before anything else").isEqualTo("AcmNotServedByXds");
    }

    @Test
    void aNodeUsingAcmIsRefusedAndItsLastAdmittedVersionStaysServed() throws Exception {
        VirtualNode acm = node("""
                listeners:
                  - portMapping: {port: 8080, protocol: http}
                    tls: {mode: STRICT, certificate: {acm: {certificateARN: arn:cert}}}
                """);
        assertThatThrownBy(() -> backend.syncVirtualNode(resolved(acm))).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).reason()).isEqualTo("AcmNotServedByXds"))
                .hasMessageContaining("spec.listeners[0].tls.certificate.acm")
                .hasMessageContaining("`file`").hasMessageContaining("`sds`");
        assertThat(plane.served().all(VirtualNode.class)).as("never served").isEmpty();

        VirtualNode good = node("""
                listeners:
                  - portMapping: {port: 8080, protocol: http}
                    tls: {mode: STRICT, certificate: {file: {certificateChain: /c, privateKey: /k}}}
                """);
        backend.syncVirtualNode(resolved(good));
        assertThatThrownBy(() -> backend.syncVirtualNode(resolved(acm))).isInstanceOf(BackendException.class);
        assertThat(plane.served().all(VirtualNode.class)).singleElement()
                .satisfies(n -> assertThat(n.getSpec().getListeners().get(0).getTls().getCertificate().getFile())
                        .isNotNull());
    }

    /**
     * The howto-k8s-tls-acm walkthrough as its users apply it: front trusts an ACM private CA, blue serves an ACM
     * certificate — both refused, each naming its field; the nodes without ACM (green, red) are served.
     */
    @Test
    void theTlsAcmWalkthroughIsRefusedNodeByNode() throws Exception {
        String template = Files.readString(
                Path.of("src/test/resources/examples/howto-k8s-tls-acm/v1beta2/manifest.yaml.template"));
        Map<String, String> refused = new TreeMap<>();
        List<String> served = new ArrayList<>();
        for (JsonNode doc : YamlDocuments.parse(template.replaceAll("\\$\\{[A-Z_]+}", "howto-k8s-tls-acm"))) {
            if (!"VirtualNode".equals(doc.path("kind").asText())) {
                continue;
            }
            VirtualNode walkthrough = YamlDocuments.YAML.convertValue(doc, VirtualNode.class);
            walkthrough.getSpec().setAwsName(walkthrough.getMetadata().getName() + "_ns");
            try {
                backend.syncVirtualNode(resolved(walkthrough));
                served.add(walkthrough.getMetadata().getName());
            } catch (BackendException e) {
                assertThat(e.reason()).isEqualTo("AcmNotServedByXds");
                refused.put(walkthrough.getMetadata().getName(), e.getMessage());
            }
        }
        assertThat(refused).containsOnlyKeys("front", "blue");
        assertThat(refused.get("front")).contains("spec.backendDefaults.clientPolicy.tls.validation.trust.acm");
        assertThat(refused.get("blue")).contains("spec.listeners[0].tls.certificate.acm");
        assertThat(served).containsExactlyInAnyOrder("green", "red");
        assertThat(plane.served().all(VirtualNode.class)).extracting(n -> n.getMetadata().getName())
                .containsExactlyInAnyOrder("green", "red");
    }

    private static VirtualNode node(String spec) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: n, namespace: ns}
                spec:
                  awsName: n_ns
                  meshRef: {name: m, uid: u}
                """ + spec.indent(2)).get(0), VirtualNode.class);
    }

    private static VirtualGateway gateway(String spec) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualGateway
                metadata: {name: g, namespace: ns}
                spec:
                  awsName: g_ns
                  meshRef: {name: m, uid: u}
                """ + spec.indent(2)).get(0), VirtualGateway.class);
    }

    private static <R extends io.fabric8.kubernetes.api.model.HasMetadata> Resolved<R> resolved(R object)
            throws Exception {
        Mesh mesh = YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: m, uid: u}
                spec: {awsName: m}
                """).get(0), Mesh.class);
        return new Resolved<>(object, mesh, Map.of(), List.of());
    }
}
