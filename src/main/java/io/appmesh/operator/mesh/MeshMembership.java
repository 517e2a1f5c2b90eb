package io.appmesh.operator.mesh;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Designates the one Mesh a namespaced App Mesh object belongs to: the Mesh whose namespaceSelector selects the
 * object's namespace (upstream {@code mesh/membership_designator.go}). An absent selector selects no namespace.
 */
@ApplicationScoped
public class MeshMembership {

    private final ClusterView cluster;

    public MeshMembership(ClusterView cluster) {
        this.cluster = cluster;
    }

    /**
     * @return the single Mesh selecting {@code namespace}
     * @throws MembershipException with upstream's message when there is none, more than one, or it is being deleted
     */
    public Mesh designate(String namespace) {
        Namespace ns;
        List<Mesh> meshes;
        try {
            ns = cluster.namespace(namespace).orElse(null);
            meshes = cluster.meshes();
        } catch (KubernetesClientException e) {
            throw new MembershipException("failed to get namespace: " + namespace + ": " + e.getMessage(), e);
        }
        if (ns == null) {
            throw new MembershipException("failed to get namespace: " + namespace + ": namespaces \"" + namespace
                    + "\" not found");
        }
        List<Mesh> candidates = meshes.stream()
                .filter(m -> m.getSpec() != null && m.getSpec().getNamespaceSelector() != null)
                .filter(m -> LabelSelectors.matches(m.getSpec().getNamespaceSelector(), ns.getMetadata().getLabels()))
                // The API server lists in storage-key order (namespace/name); the test server may not.
                .sorted(Comparator.comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getNamespace()))
                        .thenComparing(o -> o.getMetadata().getName()))
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            throw new MembershipException("failed to find matching mesh for namespace: " + namespace
                    + ", expecting 1 but found 0");
        }
        if (candidates.size() > 1) {
            throw new MembershipException("found multiple matching meshes for namespace: " + namespace
                    + ", expecting 1 but found " + candidates.size() + ": "
                    + candidates.stream().map(m -> m.getMetadata().getName()).collect(Collectors.joining(",")));
        }
        Mesh mesh = candidates.get(0);
        if (mesh.getMetadata().getDeletionTimestamp() != null) {
            throw new MembershipException("unable to create new content in mesh " + mesh.getMetadata().getName()
                    + " because it is being terminated");
        }
        return mesh;
    }
}
