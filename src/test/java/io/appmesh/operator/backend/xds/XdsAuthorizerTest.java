package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.XdsAuthenticator.Caller;
import io.appmesh.operator.backend.xds.XdsAuthorizer.Denial;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

class XdsAuthorizerTest {

    private static final String FRONT = "mesh/m/virtualNode/front_ns";
    private static final String GATEWAY = "mesh/m/virtualGateway/ingress_ns";

    private final ServedMesh served = new ServedMesh();
    private final Map<String, Pod> pods = new HashMap<>();
    private final XdsAuthorizer authorizer = new XdsAuthorizer(served, (ns, name) -> pods.get(ns + "/" + name));

    @BeforeEach
    void mesh() throws Exception {
        for (JsonNode doc : YamlDocuments.parse(MESH)) {
            Class<? extends HasMetadata> type = switch (doc.path("kind").asText()) {
                case "Mesh" -> Mesh.class;
                case "VirtualNode" -> VirtualNode.class;
                case "VirtualGateway" -> VirtualGateway.class;
                default -> throw new IllegalArgumentException(doc.path("kind").asText());
            };
            served.admit(YamlDocuments.YAML.convertValue(doc, type));
        }
        pod("ns", "front-1", "uid-1", Map.of("app", "front"));
        pod("ns", "back-1", "uid-2", Map.of("app", "back"));
        pod("other", "front-1", "uid-3", Map.of("app", "front"));
        pod("ns", "ingress-1", "uid-4", Map.of("app", "ingress"));
        pod("ns", "loose-1", "uid-5", Map.of("app", "loose"));
    }

    @Test
    void aPodReadsTheNodeThatSelectsItAndItsProxylessGroup() {
        Caller front = caller("ns", "front-1", "uid-1");
        assertThat(authorizer.check(front, FRONT)).isEmpty();
        assertThat(authorizer.check(front, NodeGroups.GRPC + FRONT)).isEmpty();
    }

    @Test
    void aGatewayPodReadsItsGateway() {
        assertThat(authorizer.check(caller("ns", "ingress-1", "uid-4"), GATEWAY)).isEmpty();
        assertThat(authorizer.check(caller("ns", "front-1", "uid-1"), GATEWAY)).contains(Denial.NOT_SELECTED);
    }

    @Test
    void aPodTheNodeDoesNotSelectIsDenied() {
        assertThat(authorizer.check(caller("ns", "back-1", "uid-2"), FRONT)).contains(Denial.NOT_SELECTED);
        assertThat(authorizer.check(caller("ns", "back-1", "uid-2"), NodeGroups.GRPC + FRONT))
                .contains(Denial.NOT_SELECTED);
    }

    @Test
    void aNodeWithoutPodSelectorSelectsNoPod() {
        assertThat(authorizer.check(caller("ns", "loose-1", "uid-5"), "mesh/m/virtualNode/loose_ns"))
                .contains(Denial.NOT_SELECTED);
    }

    @Test
    void aNodeWithAMalformedSelectorSelectsNoPod() {
        assertThat(authorizer.check(caller("ns", "front-1", "uid-1"), "mesh/m/virtualNode/broken_ns"))
                .contains(Denial.NOT_SELECTED);
    }

    @Test
    void aPodOfAnotherNamespaceIsDeniedEvenWhenItsLabelsMatch() {
        assertThat(authorizer.check(caller("other", "front-1", "uid-3"), FRONT)).contains(Denial.OTHER_NAMESPACE);
    }

    @Test
    void aGoneOrReplacedPodIsDenied() {
        assertThat(authorizer.check(caller("ns", "front-2", "uid-9"), FRONT)).contains(Denial.POD_NOT_FOUND);
        // Same name, another pod: the token was bound to the deleted one.
        assertThat(authorizer.check(caller("ns", "front-1", "uid-old"), FRONT)).contains(Denial.POD_NOT_FOUND);
    }

    @Test
    void aGroupNobodyServesIsUnknown() {
        Caller front = caller("ns", "front-1", "uid-1");
        assertThat(authorizer.check(front, "mesh/m/virtualNode/ghost_ns")).contains(Denial.UNKNOWN_NODE);
        assertThat(authorizer.check(front, "mesh/other-mesh/virtualNode/front_ns")).contains(Denial.UNKNOWN_NODE);
        assertThat(authorizer.check(front, "front_ns")).contains(Denial.UNKNOWN_NODE);
        assertThat(authorizer.check(front, "")).contains(Denial.UNKNOWN_NODE);
    }

    @Test
    void aNodeNoLongerServedIsUnknown() {
        served.remove("VirtualNode", "ns", "front");
        assertThat(authorizer.check(caller("ns", "front-1", "uid-1"), FRONT)).contains(Denial.UNKNOWN_NODE);
    }

    @Test
    void theNodeIsFoundByItsAwsNamesNotItsObjectName() {
        // "renamed" is the object; its group is built from its awsName and its mesh's awsName.
        assertThat(authorizer.check(caller("ns", "front-1", "uid-1"), "mesh/m/virtualNode/custom-aws-name"))
                .isEqualTo(Optional.empty());
        assertThat(authorizer.check(caller("ns", "front-1", "uid-1"), "mesh/m/virtualNode/renamed_ns"))
                .contains(Denial.UNKNOWN_NODE);
    }

    private void pod(String namespace, String name, String uid, Map<String, String> labels) {
        pods.put(namespace + "/" + name, new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withUid(uid).withLabels(labels).endMetadata().build());
    }

    private static Caller caller(String namespace, String pod, String uid) {
        return new Caller(namespace, "default", pod, uid);
    }

    private static final String MESH = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: {name: mesh, uid: mesh-uid}
            spec: {awsName: m}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: front, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: front_ns
              podSelector: {matchLabels: {app: front}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: back, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: back_ns
              podSelector: {matchExpressions: [{key: app, operator: In, values: [back]}]}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: loose, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: loose_ns
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: broken, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: broken_ns
              podSelector: {matchExpressions: [{key: app, operator: Near, values: [front]}]}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: renamed, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: custom-aws-name
              podSelector: {matchLabels: {app: front}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualGateway
            metadata: {name: ingress, namespace: ns}
            spec:
              meshRef: {name: mesh, uid: mesh-uid}
              awsName: ingress_ns
              podSelector: {matchLabels: {app: ingress}}
              listeners: [{portMapping: {port: 8088, protocol: http}}]
            """;
}
