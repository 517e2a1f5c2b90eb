package io.appmesh.operator.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.common.BackendGroupReference;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.mesh.MeshCondition;
import io.appmesh.operator.api.v1beta2.mesh.MeshStatus;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualServiceBackend;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.OperatorConfigs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Resolution rules that need no cluster: a lookup over a list of objects. */
class ReferencesTest {

    private final List<HasMetadata> objects = new ArrayList<>();
    private final Lookup lookup = new Lookup() {
        @Override
        public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
            return objects.stream().filter(type::isInstance).map(type::cast)
                    .filter(o -> o.getMetadata().getName().equals(name)
                            && java.util.Objects.equals(o.getMetadata().getNamespace(), namespace))
                    .findFirst();
        }

        @Override
        public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
            return objects.stream().filter(type::isInstance).map(type::cast)
                    .filter(o -> java.util.Objects.equals(o.getMetadata().getNamespace(), namespace)).toList();
        }
    };
    private final References references = new References(
            OperatorConfigs.from(Map.of("appmesh.enable-backend-groups", "true")));

    private Mesh activeMesh() {
        Mesh mesh = new Mesh();
        mesh.setMetadata(new ObjectMetaBuilder().withName("m").withUid("mesh-uid").build());
        mesh.getSpec().setAwsName("m");
        MeshCondition active = new MeshCondition();
        active.setType("MeshActive");
        active.setStatus("True");
        MeshStatus status = new MeshStatus();
        status.setConditions(List.of(active));
        mesh.setStatus(status);
        objects.add(mesh);
        return mesh;
    }

    private VirtualService service(Mesh mesh, String namespace, String name) {
        VirtualService service = new VirtualService();
        service.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        service.getSpec().setAwsName(name + "." + namespace);
        MeshReference ref = new MeshReference();
        ref.setName(mesh.getMetadata().getName());
        ref.setUid(mesh.getMetadata().getUid());
        service.getSpec().setMeshRef(ref);
        objects.add(service);
        return service;
    }

    @Test
    void aGroupsServiceReferenceWithoutNamespaceMeansTheNodesNamespace() {
        Mesh mesh = activeMesh();
        service(mesh, "groups", "api");
        service(mesh, "apps", "api");
        BackendGroup group = new BackendGroup();
        group.setMetadata(new ObjectMetaBuilder().withName("g").withNamespace("groups").build());
        VirtualServiceReference api = new VirtualServiceReference();
        api.setName("api");
        group.getSpec().setVirtualservices(new ArrayList<>(List.of(api)));
        objects.add(group);
        VirtualNode node = Fixtures.virtualNode("apps", "client", "client", mesh);
        BackendGroupReference groupRef = new BackendGroupReference();
        groupRef.setName("g");
        groupRef.setNamespace("groups");
        node.getSpec().setBackendGroups(List.of(groupRef));

        Resolved<VirtualNode> resolved = references.virtualNode(node, lookup);

        assertThat(resolved.groupBackendNames()).containsExactly("api.apps");
        assertThat(resolved.scope()).isEqualTo(new MeshScope("m", null));
    }

    @Test
    void arnReferencesAreCheckedBeforeAnythingIsSent() {
        Mesh mesh = activeMesh();
        VirtualNode node = Fixtures.virtualNode("apps", "client", "client", mesh);
        Backend backend = new Backend();
        VirtualServiceBackend vs = new VirtualServiceBackend();
        vs.setVirtualServiceARN("arn:aws:appmesh:us-west-2:111122223333:mesh/m/virtualNode/api");
        backend.setVirtualService(vs);
        node.getSpec().setBackends(List.of(backend));

        assertThatThrownBy(() -> references.virtualNode(node, lookup)).isInstanceOf(ReferenceException.class)
                .hasMessage("failed to parse virtualServiceARN arn:aws:appmesh:us-west-2:111122223333:mesh/m/virtualNode/api:"
                        + " resource type virtualNode is not virtualService")
                .extracting(e -> ((ReferenceException) e).reason()).isEqualTo("InvalidARN");
        vs.setVirtualServiceARN("api.apps");
        assertThatThrownBy(() -> references.virtualNode(node, lookup)).hasMessageStartingWith(
                "failed to parse virtualServiceARN api.apps: not an App Mesh ARN");
        vs.setVirtualServiceARN("arn:aws:appmesh:us-west-2:111122223333:mesh/m/virtualService/api.apps");
        assertThat(references.virtualNode(node, lookup).resource()).isSameAs(node);
    }

    @Test
    void aVirtualGatewayReferenceMustCarryTheGatewaysUid() {
        Mesh mesh = activeMesh();
        VirtualGateway gateway = new VirtualGateway();
        gateway.setMetadata(new ObjectMetaBuilder().withName("gw").withNamespace("edge").withUid("gw-uid").build());
        objects.add(gateway);
        GatewayRoute route = new GatewayRoute();
        route.setMetadata(new ObjectMetaBuilder().withName("r").withNamespace("edge").build());
        VirtualGatewayReference ref = new VirtualGatewayReference();
        ref.setName("gw");
        ref.setNamespace("edge");
        route.getSpec().setVirtualGatewayRef(ref);

        assertThatThrownBy(() -> references.gatewayOf(route, lookup)).isInstanceOf(ReferenceException.class)
                .hasMessage("failed to resolve virtualGatewayRef: virtualGateway UID mismatch: edge/gw");
        ref.setUid("gw-uid");
        assertThat(references.gatewayOf(route, lookup)).isSameAs(gateway);
        assertThat(mesh).isNotNull();
    }
}
