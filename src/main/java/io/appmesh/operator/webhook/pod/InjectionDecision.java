package io.appmesh.operator.webhook.pod;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.LabelSelectors;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Whether and as what a pod is injected (upstream {@code webhooks/core/pod_mutator.go}), with no side effects: the
 * namespace label and pod annotation decide the mode, the VirtualNodes' and VirtualGateways' podSelectors (in the
 * request's namespace) decide the role.
 */
public final class InjectionDecision {

    private static final Comparator<HasMetadata> BY_NAME = Comparator
            .comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getNamespace()))
            .thenComparing(o -> o.getMetadata().getName());

    enum Mode {
        ENABLED, DISABLED, UNSPECIFIED
    }

    /** What to do with the pod. */
    public sealed interface Outcome {
    }

    /** Leave the pod as it is. */
    public record Skip() implements Outcome {
    }

    /** Inject the sidecar of this VirtualNode. */
    public record InjectNode(VirtualNode node) implements Outcome {
    }

    /** Configure the pod's envoy container for this VirtualGateway. */
    public record InjectGateway(VirtualGateway gateway) implements Outcome {
    }

    private InjectionDecision() {
    }

    /**
     * @param namespace the admission request's namespace (a pod of a ReplicaSet may not carry one yet)
     * @param namespaceLabels labels of that namespace
     * @param nodes the VirtualNodes of that namespace
     * @param gateways the VirtualGateways of that namespace
     * @throws AdmissionDenied with upstream's message when the pod matches ambiguously, or injection is enabled and
     *         nothing matches
     */
    public static Outcome evaluate(String namespace, Map<String, String> namespaceLabels, Pod pod, List<VirtualNode> nodes,
            List<VirtualGateway> gateways) {
        Mode mode = mode(namespaceLabels, pod);
        if (mode == Mode.DISABLED) {
            return new Skip();
        }
        Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        String podName = namespace + "/" + podName(pod);
        // Sorted by name, the order of upstream's API server list (the informer cache has none).
        List<VirtualNode> matchingNodes = nodes.stream().filter(vn -> selects(vn.getSpec().getPodSelector(), labels))
                .sorted(BY_NAME).toList();
        if (matchingNodes.size() > 1) {
            throw new AdmissionDenied("found multiple matching VirtualNodes for pod " + podName + ": " + names(matchingNodes));
        }
        List<VirtualGateway> matchingGateways = gateways.stream()
                .filter(vg -> selects(vg.getSpec().getPodSelector(), labels)).sorted(BY_NAME).toList();
        if (matchingGateways.size() > 1) {
            throw new AdmissionDenied(
                    "found multiple matching VirtualGateways for pod " + podName + ": " + names(matchingGateways));
        }
        VirtualNode node = matchingNodes.isEmpty() ? null : matchingNodes.get(0);
        VirtualGateway gateway = matchingGateways.isEmpty() ? null : matchingGateways.get(0);
        if (node != null && gateway != null) {
            throw new AdmissionDenied("sidecarInject enabled for both virtualNode " + node.getMetadata().getName()
                    + " and virtualGateway " + gateway.getMetadata().getName() + " on pod " + podName(pod)
                    + ". Please use podSelector on one");
        }
        if (node != null && node.getSpec().getMeshRef() != null) {
            return new InjectNode(node);
        }
        if (gateway != null && gateway.getSpec().getMeshRef() != null) {
            return new InjectGateway(gateway);
        }
        if (mode == Mode.ENABLED) {
            throw new AdmissionDenied("sidecarInject enabled but no matching VirtualNode or VirtualGateway found");
        }
        return new Skip();
    }

    /** The namespace label, overridden by the pod annotation of the same key; case-insensitive. */
    static Mode mode(Map<String, String> namespaceLabels, Pod pod) {
        String value = namespaceLabels == null ? null : namespaceLabels.get(PodAnnotations.SIDECAR_INJECTOR_WEBHOOK);
        value = PodAnnotations.get(pod, PodAnnotations.SIDECAR_INJECTOR_WEBHOOK).orElse(value);
        if (value == null) {
            return Mode.UNSPECIFIED;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "enabled" -> Mode.ENABLED;
            case "disabled" -> Mode.DISABLED;
            default -> Mode.UNSPECIFIED;
        };
    }

    /** An absent selector selects no pod; an empty one selects every pod. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && LabelSelectors.matches(selector, labels);
    }

    private static String names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
                .collect(Collectors.joining(","));
    }

    /** A pod created by a ReplicaSet has no name yet at admission; upstream prints the empty name. */
    static String podName(Pod pod) {
        return pod.getMetadata() == null || pod.getMetadata().getName() == null ? "" : pod.getMetadata().getName();
    }
}
