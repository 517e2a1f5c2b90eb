package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The members finalizers through the running operator: a Mesh (VirtualGateway) with members is held, with upstream's
 * PendingMembersDeletion event, and goes once its members are gone.
 */
@QuarkusTest
@WithLocalKubeApi
class MembersFinalizerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void meshWithMembersIsHeldUntilTheyAreDeleted() {
        Mesh mesh = new Mesh();
        mesh.setMetadata(new ObjectMetaBuilder().withName("held-mesh").build());
        mesh.getSpec().setNamespaceSelector(new LabelSelector());
        mesh = client.resource(mesh).create();
        awaitFinalizer(Mesh.class, null, "held-mesh", AppMeshApi.MESH_MEMBERS_FINALIZER);
        MeshReference ref = new MeshReference();
        ref.setName("held-mesh");
        ref.setUid(mesh.getMetadata().getUid());
        VirtualNode node = new VirtualNode();
        node.setMetadata(new ObjectMetaBuilder().withName("member-node").withNamespace("members").build());
        node.getSpec().setMeshRef(ref);
        client.resource(node).create();
        VirtualService service = new VirtualService();
        service.setMetadata(new ObjectMetaBuilder().withName("member-service").withNamespace("members").build());
        service.getSpec().setMeshRef(ref);
        client.resource(service).create();

        client.resources(Mesh.class).withName("held-mesh").delete();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(warnings("default", "held-mesh")).contains(
                "objects belong to this mesh exists, please delete them to proceed. virtualService: 1, virtualNode: 1"));
        assertThat(client.resources(Mesh.class).withName("held-mesh").get()).isNotNull();

        client.resource(node).delete();
        client.resource(service).delete();
        // Upstream looks again a minute later; a change to the Mesh's spec makes the operator look at once. (Touched
        // until it goes: the operator's cache may not have seen the members' deletion at the first touch.)
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            Mesh current = client.resources(Mesh.class).withName("held-mesh").get();
            if (current != null) {
                client.resources(Mesh.class).withName("held-mesh").edit(m -> {
                    m.getSpec().setMeshOwner(m.getSpec().getMeshOwner() == null ? "123456789012" : null);
                    return m;
                });
            }
            assertThat(client.resources(Mesh.class).withName("held-mesh").get()).isNull();
        });
    }

    @Test
    void virtualGatewayWithRoutesIsHeldUntilTheyAreDeleted() {
        VirtualGateway gateway = new VirtualGateway();
        gateway.setMetadata(new ObjectMetaBuilder().withName("held-gw").withNamespace("edge").build());
        gateway = client.resource(gateway).create();
        awaitFinalizer(VirtualGateway.class, "edge", "held-gw", AppMeshApi.VIRTUAL_GATEWAY_MEMBERS_FINALIZER);
        VirtualGatewayReference ref = new VirtualGatewayReference();
        ref.setNamespace("edge");
        ref.setName("held-gw");
        ref.setUid(gateway.getMetadata().getUid());
        GatewayRoute route = new GatewayRoute();
        route.setMetadata(new ObjectMetaBuilder().withName("route").withNamespace("apps").build());
        route.getSpec().setVirtualGatewayRef(ref);
        client.resource(route).create();

        client.resources(VirtualGateway.class).inNamespace("edge").withName("held-gw").delete();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(warnings("edge", "held-gw")).contains(
                "objects belonging to this virtualGateway exist, please delete them to proceed. gatewayRoute: 1"));
        assertThat(client.resources(VirtualGateway.class).inNamespace("edge").withName("held-gw").get()).isNotNull();

        client.resource(route).delete();
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            var held = client.resources(VirtualGateway.class).inNamespace("edge").withName("held-gw");
            if (held.get() != null) {
                held.edit(g -> {
                    g.getSpec().setAwsName("touched".equals(g.getSpec().getAwsName()) ? "touched-again" : "touched");
                    return g;
                });
            }
            assertThat(held.get()).isNull();
        });
    }

    private <T extends HasMetadata> void awaitFinalizer(Class<T> type, String namespace, String name, String finalizer) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            T current = namespace == null
                    ? client.resources(type).withName(name).get()
                    : client.resources(type).inNamespace(namespace).withName(name).get();
            assertThat(current.getMetadata().getFinalizers()).contains(finalizer);
        });
    }

    private List<String> warnings(String namespace, String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .filter(e -> "Warning".equals(e.getType()) && "PendingMembersDeletion".equals(e.getReason()))
                .map(Event::getMessage).toList();
    }
}
