package io.appmesh.operator.reconciler;

import java.util.List;
import java.util.Optional;

import io.appmesh.operator.mesh.Lookup;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Reads referenced objects from the reconciler's own informer caches (the event sources that also re-trigger it), and
 * from the API server when a cache does not have the object (yet): a reference created a moment ago is not mistaken for
 * a dangling one.
 */
public final class CacheLookup implements Lookup {

    private final Context<?> context;

    public CacheLookup(Context<?> context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        try {
            if (context.eventSourceRetriever().getEventSourceFor(type) instanceof InformerEventSource<?, ?> source) {
                Optional<T> cached = (Optional<T>) source.get(new ResourceID(name, namespace));
                if (cached.isPresent()) {
                    return cached;
                }
            }
        } catch (RuntimeException noSuchSource) {
            // this reconciler keeps no cache of that kind: ask the API server
        }
        var resources = context.getClient().resources(type);
        T found = namespace == null ? resources.withName(name).get() : resources.inNamespace(namespace).withName(name).get();
        return Optional.ofNullable(found);
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        return context.getClient().resources(type).inNamespace(namespace).list().getItems();
    }
}
