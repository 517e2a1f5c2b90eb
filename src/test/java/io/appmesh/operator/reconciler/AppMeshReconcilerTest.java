package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.MeshBackend;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.testing.FakeMeshBackend;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The reconcile pass every kind shares ({@link AppMeshReconciler}), against a {@link FakeMeshBackend} and the strict
 * test API server: references gate the backend call, the status is written only when it changed, failures are
 * recorded and retried with a growing delay, a backend that does not answer leaves the status alone, and deletion calls
 * the backend before the finalizers go. Resync every second, so that "no write on a no-op pass" is observed.
 */
@QuarkusTest
@WithLocalKubeApi
@TestProfile(AppMeshReconcilerTest.FastResync.class)
class AppMeshReconcilerTest {

    public static class FastResync implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("appmesh.sync-period", "1s");
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    FakeMeshBackend backend;

    @BeforeEach
    void fakeBackend() {
        backend = new FakeMeshBackend();
        QuarkusMock.installMockForType(backend, MeshBackend.class);
    }

    private Mesh mesh(String name) {
        Mesh mesh = new Mesh();
        mesh.setMetadata(new ObjectMetaBuilder().withName(name).build());
        mesh.getSpec().setAwsName(name);
        mesh.getSpec().setNamespaceSelector(new LabelSelector());
        return client.resource(mesh).create();
    }

    private VirtualNode node(String namespace, String name, Mesh mesh) {
        return client.resource(Fixtures.virtualNode(namespace, name, name, mesh)).create();
    }

    private VirtualNode currentNode(String namespace, String name) {
        return client.resources(VirtualNode.class).inNamespace(namespace).withName(name).get();
    }

    private static String condition(VirtualNode node, String field) {
        if (node == null || node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals("VirtualNodeActive"))
                .findFirst().map(c -> field.equals("reason") ? c.getReason() : c.getStatus()).orElse(null);
    }

    private List<String> warnings(String namespace, String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getInvolvedObject().getName().equals(name) && "ReconcileError".equals(e.getReason()))
                .map(Event::getMessage).toList();
    }

    @Test
    void aMemberWaitsForItsMeshWithoutReachingTheBackendThenSyncs() {
        backend.active("Mesh", "gated", false);
        Mesh mesh = mesh("gated");
        node("gated", "n", mesh);

        await().atMost(TIMEOUT).until(() -> "MeshNotActive".equals(condition(currentNode("gated", "n"), "reason")));
        assertThat(condition(currentNode("gated", "n"), "status")).isEqualTo("False");
        assertThat(warnings("gated", "n")).isNotEmpty();
        assertThat(backend.calls("sync", "VirtualNode", "n_gated")).isEmpty();
        assertThat(backend.calls("sync", "Mesh", "gated")).isNotEmpty();

        // The mesh turns Active at its next pass; the node follows (triggered by the flip) and reaches the backend.
        backend.active("Mesh", "gated", true);
        await().atMost(TIMEOUT).until(() -> References.isActive(currentNode("gated", "n")));
        VirtualNode node = currentNode("gated", "n");
        assertThat(node.getStatus().getVirtualNodeARN()).isEqualTo("fake:VirtualNode/n_gated");
        assertThat(node.getStatus().getObservedGeneration()).isEqualTo(node.getMetadata().getGeneration());
        assertThat(condition(node, "reason")).isNull();
    }

    @Test
    void aConvergedObjectIsResyncedWithoutAStatusWrite() {
        Mesh mesh = mesh("quiet");
        node("quiet", "n", mesh);
        await().atMost(TIMEOUT).until(() -> References.isActive(currentNode("quiet", "n")));
        String version = currentNode("quiet", "n").getMetadata().getResourceVersion();
        int passes = backend.calls("sync", "VirtualNode", "n_quiet").size();

        await().atMost(TIMEOUT).until(() -> backend.calls("sync", "VirtualNode", "n_quiet").size() >= passes + 3);
        assertThat(currentNode("quiet", "n").getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void aRejectionIsRecordedAndRetriedWithAGrowingDelayAndAnUnansweredCallLeavesTheStatus() {
        backend.fail("VirtualNode", "n_rejected", FakeMeshBackend.rejected("spec refused"));
        Mesh mesh = mesh("rejected");
        node("rejected", "n", mesh);

        await().atMost(TIMEOUT).until(() -> "BadRequestException".equals(condition(currentNode("rejected", "n"),
                "reason")));
        assertThat(warnings("rejected", "n")).contains("spec refused");
        // Backoff from 2 s, doubling: each retry comes later than the one before. (The first two attempts may be close:
        // an event such as the mesh turning Active also starts a pass; so the gaps compared are the later ones.)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> backend.calls("sync", "VirtualNode", "n_rejected").size() >= 4);
        List<FakeMeshBackend.Call> attempts = backend.calls("sync", "VirtualNode", "n_rejected");
        Duration earlier = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        Duration later = Duration.between(attempts.get(2).at(), attempts.get(3).at());
        assertThat(earlier).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(later).isGreaterThan(earlier);

        // The next retry is due after the grown delay (16 s or 32 s by now), not at once.
        backend.succeed("VirtualNode", "n_rejected");
        await().atMost(Duration.ofSeconds(75)).until(() -> References.isActive(currentNode("rejected", "n")));

        // A backend that does not answer says nothing about the object: its Active status stays, unwritten.
        String version = currentNode("rejected", "n").getMetadata().getResourceVersion();
        int passes = backend.calls("sync", "VirtualNode", "n_rejected").size();
        backend.fail("VirtualNode", "n_rejected", FakeMeshBackend.unavailable());
        await().atMost(TIMEOUT).until(() -> backend.calls("sync", "VirtualNode", "n_rejected").size() >= passes + 2);
        assertThat(References.isActive(currentNode("rejected", "n"))).isTrue();
        assertThat(currentNode("rejected", "n").getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void deletionCallsTheBackendWithWhatWasRecordedAndOnlyThenDropsTheFinalizers() {
        Mesh mesh = mesh("deleted");
        node("deleted", "n", mesh);
        await().atMost(TIMEOUT).until(() -> References.isActive(currentNode("deleted", "n")));
        assertThat(currentNode("deleted", "n").getMetadata().getFinalizers())
                .contains(AppMeshApi.AWS_RESOURCES_FINALIZER);

        backend.fail("VirtualNode", "n_deleted", FakeMeshBackend.rejected("still in use"));
        client.resources(VirtualNode.class).inNamespace("deleted").withName("n").delete();
        await().atMost(TIMEOUT).until(() -> !backend.calls("delete", "VirtualNode", "n_deleted").isEmpty());
        assertThat(backend.calls("delete", "VirtualNode", "n_deleted").get(0).recorded()).isTrue();
        assertThat(currentNode("deleted", "n")).isNotNull();
        assertThat(currentNode("deleted", "n").getMetadata().getDeletionTimestamp()).isNotNull();

        backend.succeed("VirtualNode", "n_deleted");
        await().atMost(TIMEOUT).until(() -> currentNode("deleted", "n") == null);

        // A Mesh carries two finalizers (members, then AWS resources); both go once the backend deleted it.
        client.resources(Mesh.class).withName("deleted").delete();
        await().atMost(TIMEOUT).until(() -> client.resources(Mesh.class).withName("deleted").get() == null);
        assertThat(backend.calls("delete", "Mesh", "deleted")).singleElement()
                .satisfies(call -> assertThat(call.recorded()).isTrue());
    }
}
