package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.mesh.Resolved;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A node group is a mesh's awsName, a kind and an awsName; awsName is free on create, so an object in another namespace
 * can name a group that is already served. The first admitted keeps it, the newcomer is refused with
 * {@code AwsNameConflict} (the reconciler turns that into its condition and a Warning event), and once the owner is
 * gone the newcomer is admitted on its next sync.
 */
class AwsNameConflictTest {

    private final XdsControlPlane plane = new XdsControlPlane(OperatorConfigs.from(Map.of("appmesh.backend", "xds")),
            null, new SimpleMeterRegistry(), null);
    private final XdsMeshBackend backend = new XdsMeshBackend(plane);
    private Mesh mesh;

    @BeforeEach
    void mesh() throws Exception {
        mesh = mesh("mesh", "m");
        backend.sync(mesh);
    }

    @Test
    void aSecondVirtualNodeWithTheSameAwsNameIsRefusedAndTheFirstKeepsItsGroup() throws Exception {
        VirtualNode team = node("team", "front", "shared", "front");
        VirtualNode evil = node("evil", "front", "shared", "evil");
        backend.syncVirtualNode(resolved(team, mesh));

        assertThatThrownBy(() -> backend.syncVirtualNode(resolved(evil, mesh))).isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).reason()).isEqualTo("AwsNameConflict"))
                .satisfies(e -> assertThat(((BackendException) e).transientFailure()).isFalse())
                .hasMessageContaining("VirtualNode team/front").hasMessageContaining("mesh/m/virtualNode/shared");
        assertThat(plane.served().all(VirtualNode.class)).singleElement()
                .satisfies(n -> assertThat(n.getMetadata().getNamespace()).isEqualTo("team"));

        // The owner's own updates go on being admitted; the newcomer stays refused however often it is synced.
        VirtualNode updated = node("team", "front", "shared", "front-v2");
        backend.syncVirtualNode(resolved(updated, mesh));
        assertThatThrownBy(() -> backend.syncVirtualNode(resolved(evil, mesh))).isInstanceOf(BackendException.class);
        assertThat(plane.served().all(VirtualNode.class)).singleElement().satisfies(
                n -> assertThat(n.getSpec().getPodSelector().getMatchLabels()).containsEntry("app", "front-v2"));

        // The owner deleted: the group is free, the next sync of the other admits it.
        backend.delete(null, team, false);
        backend.syncVirtualNode(resolved(evil, mesh));
        assertThat(plane.served().all(VirtualNode.class)).singleElement()
                .satisfies(n -> assertThat(n.getMetadata().getNamespace()).isEqualTo("evil"));
    }

    @Test
    void aSecondVirtualGatewayWithTheSameAwsNameIsRefused() throws Exception {
        backend.syncVirtualGateway(resolved(gateway("team", "ingress", "edge"), mesh));
        assertThatThrownBy(() -> backend.syncVirtualGateway(resolved(gateway("evil", "ingress", "edge"), mesh)))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).reason()).isEqualTo("AwsNameConflict"))
                .hasMessageContaining("VirtualGateway team/ingress");
        assertThat(plane.served().all(VirtualGateway.class)).singleElement()
                .satisfies(g -> assertThat(g.getMetadata().getNamespace()).isEqualTo("team"));
    }

    @Test
    void theSameAwsNameInAnotherKindOrAnotherMeshIsAnotherGroup() throws Exception {
        backend.syncVirtualNode(resolved(node("team", "front", "shared", "front"), mesh));
        backend.syncVirtualGateway(resolved(gateway("team", "edge", "shared"), mesh));
        Mesh other = mesh("other", "o");
        backend.sync(other);
        backend.syncVirtualNode(resolved(node("evil", "front", "shared", "evil", "other"), other));
        assertThat(plane.served().all(VirtualNode.class)).hasSize(2);
        assertThat(plane.served().all(VirtualGateway.class)).hasSize(1);
    }

    @Test
    void theAuthorizerRefusesAGroupTwoServedObjectsShare() throws Exception {
        // As an earlier process without this check could have left them (seeded from their status).
        plane.served().admit(node("team", "front", "shared", "front"));
        plane.served().admit(node("evil", "front", "shared", "front"));
        XdsAuthorizer authorizer = new XdsAuthorizer(plane.served(),
                (ns, name) -> new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withNamespace(ns)
                        .withName(name).withUid("uid").withLabels(Map.of("app", "front")).endMetadata().build());
        XdsAuthenticator.Caller caller = new XdsAuthenticator.Caller("team", "default", "front-1", "uid");
        assertThat(authorizer.check(caller, "mesh/m/virtualNode/shared")).contains(XdsAuthorizer.Denial.AMBIGUOUS);
        assertThat(authorizer.check(caller, NodeGroups.GRPC + "mesh/m/virtualNode/shared"))
                .contains(XdsAuthorizer.Denial.AMBIGUOUS);
        plane.served().remove("VirtualNode", "evil", "front");
        assertThat(authorizer.check(caller, "mesh/m/virtualNode/shared")).isEmpty();
    }

    private static Mesh mesh(String name, String awsName) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: %s, uid: %s-uid}
                spec: {awsName: %s}
                """.formatted(name, name, awsName)).get(0), Mesh.class);
    }

    private static VirtualNode node(String namespace, String name, String awsName, String app) throws Exception {
        return node(namespace, name, awsName, app, "mesh");
    }

    private static VirtualNode node(String namespace, String name, String awsName, String app, String mesh)
            throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: %s, namespace: %s}
                spec:
                  awsName: %s
                  meshRef: {name: %s, uid: %s-uid}
                  podSelector: {matchLabels: {app: %s}}
                """.formatted(name, namespace, awsName, mesh, mesh, app)).get(0), VirtualNode.class);
    }

    private static VirtualGateway gateway(String namespace, String name, String awsName) throws Exception {
        return YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualGateway
                metadata: {name: %s, namespace: %s}
                spec:
                  awsName: %s
                  meshRef: {name: mesh, uid: mesh-uid}
                  podSelector: {matchLabels: {app: ingress}}
                  listeners: [{portMapping: {port: 8088, protocol: http}}]
                """.formatted(name, namespace, awsName)).get(0), VirtualGateway.class);
    }

    private static <R extends HasMetadata> Resolved<R> resolved(R object, Mesh mesh) {
        return new Resolved<>(object, mesh, Map.of(), List.of());
    }
}
