package io.appmesh.operator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The pods behind a virtual node: podSelector, and Cloud Map attributes over what the registrar registers. */
class NodePodsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final List<Pod> PODS = List.of(pod("ns", "blue-1", Map.of("app", "color", "version", "blue")),
            pod("ns", "red-1", Map.of("app", "color", "version", "red")),
            pod("ns", "labelled-1", Map.of("app", "labelled", "color", "blue")),
            pod("other", "blue-2", Map.of("app", "color", "version", "blue")));

    private static final Function<String, Collection<Pod>> BY_NAMESPACE = ns -> PODS.stream()
            .filter(p -> ns.equals(p.getMetadata().getNamespace())).toList();

    private static Pod pod(String namespace, String name, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels)
                .endMetadata().build();
    }

    private static VirtualNode node(String name, String spec) {
        return SERIALIZATION.unmarshal("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: %s, namespace: ns}
                spec: %s
                """.formatted(name, spec), VirtualNode.class);
    }

    private static VirtualNode cloudMap(String name, String selector, String attributes) {
        return node(name, "{" + (selector == null ? "" : "podSelector: {matchLabels: " + selector + "}, ")
                + "serviceDiscovery: {awsCloudMap: {namespaceName: local, serviceName: colorapp"
                + (attributes == null ? "" : ", attributes: " + attributes) + "}}}");
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).toList();
    }

    @Test
    void podSelectorSelectsInTheNodesNamespace() {
        VirtualNode dns = node("blue", "{podSelector: {matchLabels: {version: blue}}, "
                + "serviceDiscovery: {dns: {hostname: blue.ns.svc.cluster.local}}}");

        assertThat(names(NodePods.select(dns, List.of(dns), BY_NAMESPACE))).containsExactly("blue-1");
    }

    @Test
    void withoutPodSelectorOrRegistrationsThereAreNoPods() {
        VirtualNode dns = node("none", "{serviceDiscovery: {dns: {hostname: none.ns.svc.cluster.local}}}");
        VirtualNode alone = cloudMap("alone", null, "[{key: version, value: blue}]");

        assertThat(NodePods.select(dns, List.of(dns), BY_NAMESPACE)).isEmpty();
        assertThat(NodePods.select(alone, List.of(alone), BY_NAMESPACE)).isEmpty();
    }

    @Test
    void cloudMapAttributesFilterTheInstancesOfASharedService() {
        // The cloudmap walkthrough: two nodes register into one service, each with its color as an attribute that
        // no pod carries as a label.
        VirtualNode blue = cloudMap("colorapp-blue", "{version: blue}", "[{key: color, value: blue}]");
        VirtualNode red = cloudMap("colorapp-red", "{version: red}", "[{key: color, value: red}]");
        VirtualNode labelled = cloudMap("labelled", "{app: labelled}", null);
        VirtualNode any = cloudMap("colorapp", null, null);
        VirtualNode byLabel = cloudMap("by-label", null, "[{key: version, value: red}]");
        List<VirtualNode> nodes = List.of(blue, red, labelled, any, byLabel);

        // Its own pods carry its attributes; red-1 is registered with color=red; labelled-1 by its label.
        assertThat(names(NodePods.select(blue, nodes, BY_NAMESPACE))).containsExactly("blue-1", "labelled-1");
        assertThat(names(NodePods.select(red, nodes, BY_NAMESPACE))).containsExactly("red-1");
        // No attributes: every instance of the service; an attribute matched by a registered label.
        assertThat(names(NodePods.select(any, nodes, BY_NAMESPACE))).containsExactlyInAnyOrder("blue-1", "red-1",
                "labelled-1");
        assertThat(names(NodePods.select(byLabel, nodes, BY_NAMESPACE))).containsExactly("red-1");
        // Another service: not shared.
        VirtualNode elsewhere = node("elsewhere", "{serviceDiscovery: {awsCloudMap: {namespaceName: local, "
                + "serviceName: other}}}");
        assertThat(NodePods.select(elsewhere, nodes, BY_NAMESPACE)).isEmpty();
    }
}
