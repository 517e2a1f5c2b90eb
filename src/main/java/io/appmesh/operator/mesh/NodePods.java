package io.appmesh.operator.mesh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.appmesh.operator.api.v1beta2.virtualnode.AWSCloudMapInstanceAttribute;
import io.appmesh.operator.api.v1beta2.virtualnode.AWSCloudMapServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The pods behind a virtual node, as App Mesh's discovery would have found them (pure).
 * <p>
 * DNS discovery (or none): the pods its {@code podSelector} selects in its namespace; no selector, no pods.
 * <p>
 * Cloud Map discovery: the instances of its Cloud Map service ({@code namespaceName}, {@code serviceName}) carrying
 * every one of its {@code attributes}. Those instances are what the AWS backend registers ({@code CloudMapRegistrar}):
 * for every virtual node naming that service, the pods its podSelector selects, each with its labels overlaid by that
 * node's own attributes. So a node's own pods always qualify (its attributes are on their registration), and a node
 * sharing the service with others also gets their pods when their registrations carry its attributes — in the
 * cloudmap walkthrough {@code colorapp-blue} and {@code colorapp-red} share {@code colorapp} and each gets only its
 * color's pods, while a node of the same service without attributes would get both.
 */
public final class NodePods {

    private NodePods() {
    }

    /**
     * @param node the virtual node whose pods are wanted
     * @param nodes every virtual node that may register into a Cloud Map service (any namespace; {@code node} need
     *        not be among them)
     * @param podsOfNamespace the pods of a namespace
     * @throws MembershipException when a pod selector is malformed
     */
    public static List<Pod> select(VirtualNode node, Collection<VirtualNode> nodes,
            Function<String, ? extends Collection<Pod>> podsOfNamespace) {
        AWSCloudMapServiceDiscovery cloudMap = cloudMap(node);
        if (cloudMap == null) {
            return selected(node, podsOfNamespace);
        }
        Map<String, String> wanted = attributes(cloudMap);
        Map<String, Pod> pods = new LinkedHashMap<>();
        List<VirtualNode> registering = new ArrayList<>();
        registering.add(node);
        nodes.stream().filter(n -> !sameNode(n, node)).forEach(registering::add);
        for (VirtualNode other : registering) {
            AWSCloudMapServiceDiscovery service = cloudMap(other);
            if (service == null || !Objects.equals(service.getNamespaceName(), cloudMap.getNamespaceName())
                    || !Objects.equals(service.getServiceName(), cloudMap.getServiceName())) {
                continue;
            }
            for (Pod pod : selected(other, podsOfNamespace)) {
                Map<String, String> registered = new LinkedHashMap<>(
                        Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of()));
                registered.putAll(attributes(service));
                if (registered.entrySet().containsAll(wanted.entrySet())) {
                    pods.putIfAbsent(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), pod);
                }
            }
        }
        return List.copyOf(pods.values());
    }

    /** The pods a node's podSelector selects in its namespace (none without a selector). */
    private static List<Pod> selected(VirtualNode node, Function<String, ? extends Collection<Pod>> podsOfNamespace) {
        if (node.getSpec().getPodSelector() == null) {
            return List.of();
        }
        Collection<Pod> pods = podsOfNamespace.apply(node.getMetadata().getNamespace());
        return pods == null
                ? List.of()
                : pods.stream()
                        .filter(p -> LabelSelectors.matches(node.getSpec().getPodSelector(), p.getMetadata().getLabels()))
                        .toList();
    }

    private static AWSCloudMapServiceDiscovery cloudMap(VirtualNode node) {
        return node.getSpec().getServiceDiscovery() == null
                ? null
                : node.getSpec().getServiceDiscovery().getAwsCloudMap();
    }

    private static Map<String, String> attributes(AWSCloudMapServiceDiscovery cloudMap) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AWSCloudMapInstanceAttribute a : Optional.ofNullable(cloudMap.getAttributes()).orElse(List.of())) {
            attributes.put(a.getKey(), a.getValue());
        }
        return attributes;
    }

    private static boolean sameNode(VirtualNode a, VirtualNode b) {
        return Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
                && Objects.equals(a.getMetadata().getName(), b.getMetadata().getName());
    }
}
