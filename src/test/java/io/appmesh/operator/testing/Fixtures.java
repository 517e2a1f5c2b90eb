package io.appmesh.operator.testing;

import java.util.List;
import java.util.Map;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.PortMapping;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Objects as the cluster would hold them (App Mesh objects as admitted, pods as running), for tests and tools. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A running pod labelled {@code app=<app>} as the kubelet reports it once its containers are ready
     * ({@code ContainersReady=True}, its IP), optionally with the Cloud Map readiness gate injection adds.
     */
    public static Pod readyPod(String namespace, String name, String app, String ip, boolean cloudMapGate) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(app).endContainer().endSpec()
                .withNewStatus().withPodIP(ip).withPhase("Running").addNewCondition().withType("ContainersReady")
                .withStatus("True").endCondition().endStatus();
        if (cloudMapGate) {
            pod.editSpec().addNewReadinessGate().withConditionType(AppMeshApi.CLOUDMAP_READINESS_CONDITION)
                    .endReadinessGate().endSpec();
        }
        return pod.build();
    }

    /**
     * Runs {@link #readyPod} the way a cluster does: created without a status (an API server drops one on create), then
     * its status reported through the status subresource, as the kubelet reports it.
     */
    public static Pod runReadyPod(KubernetesClient client, String namespace, String name, String app, String ip,
            boolean cloudMapGate) {
        Pod pod = readyPod(namespace, name, app, ip, cloudMapGate);
        PodStatus status = pod.getStatus();
        pod.setStatus(null);
        Pod created = client.resource(pod).create();
        created.setStatus(status);
        return client.resource(created).updateStatus();
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
