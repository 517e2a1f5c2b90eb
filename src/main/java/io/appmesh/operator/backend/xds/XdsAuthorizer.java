package io.appmesh.operator.backend.xds;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.XdsAuthenticator.Caller;
import io.appmesh.operator.mesh.LabelSelectors;
import io.appmesh.operator.mesh.MembershipException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Whether an authenticated pod may read a node group's configuration: the group must be a served VirtualNode (or
 * VirtualGateway) — its proxyless {@code grpc/} variant too —, the pod must still exist with the token's UID, live in
 * that object's namespace and be selected by its {@code podSelector}: exactly the pods the injector would have given
 * that node's identity. Pure: the served mesh and a pod lookup are passed in.
 */
final class XdsAuthorizer {

    /** Why a pod may not read a group; {@link #reason} is the metric label. */
    enum Denial {
        /** No served VirtualNode or VirtualGateway has that group's name. */
        UNKNOWN_NODE("unknown-node"),
        /** The token's pod is gone, or its name now belongs to another pod (another UID). */
        POD_NOT_FOUND("pod-not-found"),
        /** The object lives in another namespace than the pod. */
        OTHER_NAMESPACE("other-namespace"),
        /** The object's podSelector does not select the pod (or it has none). */
        NOT_SELECTED("not-selected"),
        /** More than one served object has that group's name (same mesh, kind and awsName). */
        AMBIGUOUS("ambiguous");

        final String reason;

        Denial(String reason) {
            this.reason = reason;
        }
    }

    private final ServedMesh served;
    private final BiFunction<String, String, Pod> pods;

    /** @param pods a pod by namespace and name, or null */
    XdsAuthorizer(ServedMesh served, BiFunction<String, String, Pod> pods) {
        this.served = served;
        this.pods = pods;
    }

    /** Empty when {@code caller} may read {@code group}. */
    Optional<Denial> check(Caller caller, String group) {
        String name = group.startsWith(NodeGroups.GRPC) ? group.substring(NodeGroups.GRPC.length()) : group;
        Object found = find(name);
        if (found instanceof Denial denial) {
            return Optional.of(denial);
        }
        Selecting object = (Selecting) found;
        Pod pod = pods.apply(caller.namespace(), caller.podName());
        if (pod == null || !Objects.equals(pod.getMetadata().getUid(), caller.podUid())) {
            return Optional.of(Denial.POD_NOT_FOUND);
        }
        if (!caller.namespace().equals(object.object().getMetadata().getNamespace())) {
            return Optional.of(Denial.OTHER_NAMESPACE);
        }
        return selects(object.podSelector(), pod.getMetadata().getLabels())
                ? Optional.empty()
                : Optional.of(Denial.NOT_SELECTED);
    }

    private record Selecting(HasMetadata object, LabelSelector podSelector) {
    }

    /** The served object a group names (see {@link NodeGroups}), or why none. */
    private Object find(String group) {
        List<HasMetadata> owners = GroupOwners.owners(served, group);
        if (owners.isEmpty()) {
            return Denial.UNKNOWN_NODE;
        }
        if (owners.size() > 1) {
            // Two objects claim the group (the backend refuses the second; an earlier process may not have): whose
            // pods may read it is not decidable, so nobody's do.
            return Denial.AMBIGUOUS;
        }
        HasMetadata owner = owners.get(0);
        return new Selecting(owner, owner instanceof VirtualNode node
                ? node.getSpec().getPodSelector()
                : ((VirtualGateway) owner).getSpec().getPodSelector());
    }

    /** An absent selector selects no pod (upstream's rule for both kinds); a malformed one selects none either. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        try {
            return LabelSelectors.matches(selector, labels);
        } catch (MembershipException e) {
            return false;
        }
    }
}
