package io.appmesh.operator.mesh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.testing.YamlDocuments;

/** App Mesh TLS specs as the model keeps them: what is TLS at all, which client policy applies, and the sources. */
class TlsModelsTest {

    @Test
    void listenerModes() throws Exception {
        VirtualNode node = node("""
                listeners:
                  - portMapping: {port: 1, protocol: http}
                  - portMapping: {port: 2, protocol: http}
                    tls: {mode: DISABLED, certificate: {acm: {certificateARN: arn:unused}}}
                  - portMapping: {port: 3, protocol: http}
                    tls:
                      mode: PERMISSIVE
                      certificate: {file: {certificateChain: /c, privateKey: /k}}
                      validation:
                        trust: {sds: {secretName: "spiffe://td"}}
                        subjectAlternativeNames: {match: {exact: ["spiffe://td/a", b.ns.svc]}}
                  - portMapping: {port: 4, protocol: tcp}
                    tls: {mode: STRICT, certificate: {sds: {secretName: "spiffe://td/me"}}}
                """);
        var listeners = node.getSpec().getListeners();
        assertThat(TlsModels.listener(listeners.get(0).getTls())).isNull();
        assertThat(TlsModels.listener(listeners.get(1).getTls())).as("DISABLED is plaintext").isNull();
        assertThat(TlsModels.listener(listeners.get(2).getTls())).isEqualTo(new TlsModel.Listener(
                TlsModel.Mode.PERMISSIVE, TlsModel.Source.file("/c", "/k"),
                new TlsModel.Validation(TlsModel.Source.sds("spiffe://td"), List.of("spiffe://td/a", "b.ns.svc"))));
        assertThat(TlsModels.listener(listeners.get(3).getTls()))
                .isEqualTo(new TlsModel.Listener(TlsModel.Mode.STRICT, TlsModel.Source.sds("spiffe://td/me"), null));
        assertThat(ListenerModels.own(listeners.get(3)).tls()).isNotNull();
        assertThat(ListenerModels.of(listeners.get(3)).tls()).as("a caller's view of a target").isNull();
    }

    @Test
    void aBackendsOwnPolicyReplacesTheDefaultsAndGroupsGetTheDefaults() throws Exception {
        VirtualNode node = node("""
                backendDefaults:
                  clientPolicy:
                    tls:
                      ports: [8443, 8080, 8443]
                      certificate: {file: {certificateChain: /c, privateKey: /k}}
                      validation: {trust: {file: {certificateChain: /ca}}}
                backends:
                  - virtualService: {virtualServiceRef: {name: plain}}
                  - virtualService:
                      virtualServiceRef: {name: own}
                      clientPolicy:
                        tls:
                          validation:
                            trust: {sds: {secretName: "spiffe://td"}}
                            subjectAlternativeNames: {match: {exact: [own.ns.svc]}}
                  - virtualService:
                      virtualServiceRef: {name: off}
                      clientPolicy: {tls: {enforce: false, validation: {trust: {file: {certificateChain: /ca}}}}}
                """);
        var backends = node.getSpec().getBackends();
        TlsModel.Client defaults = TlsModels.client(node, backends.get(0));
        assertThat(defaults).isEqualTo(new TlsModel.Client(List.of(8080, 8443), TlsModel.Source.file("/c", "/k"),
                new TlsModel.Validation(TlsModel.Source.file("/ca", null), List.of())));
        assertThat(defaults.appliesTo(8080)).isTrue();
        assertThat(defaults.appliesTo(9090)).isFalse();
        assertThat(TlsModels.client(node, null)).as("a backend group's service").isEqualTo(defaults);
        TlsModel.Client own = TlsModels.client(node, backends.get(1));
        assertThat(own.ports()).as("enforced by default, every port").isEmpty();
        assertThat(own.certificate()).as("nothing taken from the defaults").isNull();
        assertThat(own.validation().subjectAltNames()).containsExactly("own.ns.svc");
        assertThat(TlsModels.client(node, backends.get(2))).as("enforce: false").isNull();
        assertThat(TlsModels.client(node("{}"), null)).isNull();
    }

    @Test
    void gatewayListenersAndDefaults() throws Exception {
        VirtualGateway gateway = YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualGateway
                metadata: {name: g, namespace: ns}
                spec:
                  listeners:
                    - portMapping: {port: 8443, protocol: http}
                      tls:
                        mode: STRICT
                        certificate: {file: {certificateChain: /c, privateKey: /k}}
                        validation: {trust: {file: {certificateChain: /ca}}}
                  backendDefaults: {clientPolicy: {tls: {validation: {trust: {sds: {secretName: "spiffe://td"}}}}}}
                """).get(0), VirtualGateway.class);
        assertThat(TlsModels.listener(gateway.getSpec().getListeners().get(0).getTls()).validation().trust())
                .isEqualTo(TlsModel.Source.file("/ca", null));
        assertThat(TlsModels.client(gateway).validation().trust()).isEqualTo(TlsModel.Source.sds("spiffe://td"));
    }

    @Test
    void acmThatWouldBeUsedFailsTheModel() throws Exception {
        VirtualNode node = node("""
                listeners:
                  - portMapping: {port: 1, protocol: http}
                    tls: {mode: STRICT, certificate: {acm: {certificateARN: arn:cert}}}
                """);
        assertThatThrownBy(() -> TlsModels.listener(node.getSpec().getListeners().get(0).getTls()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACM");
    }

    private static VirtualNode node(String spec) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: n, namespace: ns}
                spec:
                """ + spec.indent(2)).get(0), VirtualNode.class);
    }
}
