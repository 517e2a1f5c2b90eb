package io.appmesh.operator.mesh;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How resolution reads the cluster (a reconciler's caches, with the API server behind them). */
public interface Lookup {

    /** An object by namespace (null for cluster-scoped kinds) and name. */
    <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name);

    /** Every object of a kind in a namespace. */
    <T extends HasMetadata> List<T> list(Class<T> type, String namespace);
}
