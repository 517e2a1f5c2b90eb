package io.appmesh.operator.testing;

import java.util.List;
import java.util.Map;

import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.PortMapping;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** App Mesh objects as the webhooks would have admitted them, for tests and tools that need a populated cluster. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A VirtualNode selecting pods labelled {@code app=<app>}, with one HTTP listener on 8080, awsName
     * {@code <name>_<namespace>} and a meshRef to {@code mesh}.
     */
    public static VirtualNode virtualNode(String namespace, String name, String app, Mesh mesh) {
        VirtualNode node = new VirtualNode();
        node.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(Map.of("app", app));
        node.getSpec().setPodSelector(selector);
        node.getSpec().setAwsName(name + "_" + namespace);
        Listener listener = new Listener();
        PortMapping port = new PortMapping();
        port.setPort(8080L);
        port.setProtocol("http");
        listener.setPortMapping(port);
        node.getSpec().setListeners(List.of(listener));
        MeshReference ref = new MeshReference();
        ref.setName(mesh.getMetadata().getName());
        ref.setUid(mesh.getMetadata().getUid());
        node.getSpec().setMeshRef(ref);
        return node;
    }
}
