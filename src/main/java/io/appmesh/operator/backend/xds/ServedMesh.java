package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.appmesh.operator.mesh.Lookup;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The objects the xDS backend serves: each App Mesh object in the version its reconciler last admitted (references
 * resolved and gated, backend checks passed). Translation reads the mesh from here, not from the informer caches, so
 * that an update the reconciler refuses (a route to a missing node, an invalid regex) never reaches a proxy: the
 * object's last good version stays served until a good one replaces it. Thread-safe: reconcilers admit concurrently
 * while the snapshot builder reads.
 */
public final class ServedMesh implements Lookup {

    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<String, HasMetadata>>> byKind = new ConcurrentHashMap<>();

    /** Serves this version of the object (replacing any earlier one); true when it differs from the served one. */
    public boolean admit(HasMetadata object) {
        HasMetadata previous = namespace(object.getKind(), object.getMetadata().getNamespace())
                .put(object.getMetadata().getName(), object);
        return previous == null || !sameVersion(previous, object);
    }

    /** Stops serving the object; true when it was served. */
    public boolean remove(String kind, String namespace, String name) {
        return namespace(kind, namespace).remove(name) != null;
    }

    public boolean contains(HasMetadata object) {
        return namespace(object.getKind(), object.getMetadata().getNamespace())
                .containsKey(object.getMetadata().getName());
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        HasMetadata found = namespace(HasMetadata.getKind(type), namespace).get(name);
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        List<T> objects = new ArrayList<>();
        for (HasMetadata object : namespace(HasMetadata.getKind(type), namespace).values()) {
            objects.add(type.cast(object));
        }
        return objects;
    }

    /** Every served object of a kind, all namespaces. */
    public <T extends HasMetadata> List<T> all(Class<T> type) {
        List<T> objects = new ArrayList<>();
        for (Map<String, HasMetadata> namespace : byKind.getOrDefault(HasMetadata.getKind(type), new ConcurrentHashMap<>())
                .values()) {
            namespace.values().forEach(object -> objects.add(type.cast(object)));
        }
        return objects;
    }

    private ConcurrentMap<String, HasMetadata> namespace(String kind, String namespace) {
        return byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(
                namespace == null ? "" : namespace, n -> new ConcurrentHashMap<>());
    }

    private static boolean sameVersion(HasMetadata a, HasMetadata b) {
        // The spec is what is served; a status write or a new resourceVersion alone changes nothing a proxy sees.
        return a.getMetadata().getUid() != null && a.getMetadata().getUid().equals(b.getMetadata().getUid())
                && a.getMetadata().getGeneration() != null
                && a.getMetadata().getGeneration().equals(b.getMetadata().getGeneration());
    }
}
