package io.appmesh.operator.reconciler;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The finalizers a reconciler keeps besides the one the Operator SDK manages for it (a Mesh and a VirtualGateway carry
 * two, as upstream). Changes are patches of the latest object, so they never overwrite a concurrent change.
 */
public final class Finalizers {

    private Finalizers() {
    }

    public static <R extends HasMetadata> void ensure(KubernetesClient client, R resource, List<String> names) {
        List<String> missing = names.stream().filter(name -> !resource.hasFinalizer(name)).toList();
        if (missing.isEmpty()) {
            return;
        }
        R updated = editLatest(client, resource, latest -> {
            List<String> finalizers = new ArrayList<>(latest.getMetadata().getFinalizers());
            missing.stream().filter(name -> !finalizers.contains(name)).forEach(finalizers::add);
            latest.getMetadata().setFinalizers(finalizers);
            return latest;
        });
        if (updated != null) {
            resource.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
            resource.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
        }
    }

    public static <R extends HasMetadata> void remove(KubernetesClient client, R resource, List<String> names) {
        if (names.stream().noneMatch(resource::hasFinalizer)) {
            return;
        }
        R updated = editLatest(client, resource, latest -> {
            List<String> finalizers = new ArrayList<>(latest.getMetadata().getFinalizers());
            finalizers.removeAll(names);
            latest.getMetadata().setFinalizers(finalizers);
            return latest;
        });
        if (updated == null) {
            // Already gone: its finalizers with it. The SDK must not try to remove its own from a deleted object.
            List<String> remaining = new ArrayList<>(resource.getMetadata().getFinalizers());
            remaining.removeAll(names);
            resource.getMetadata().setFinalizers(remaining);
            return;
        }
        resource.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
        resource.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
    }

    /**
     * Applies {@code change} to the object as currently stored (read just before the patch, retried on a conflict), so
     * that metadata changes never race with the SDK's own status and finalizer writes.
     *
     * @return the object as stored after the change, or null when it no longer exists (deleted meanwhile)
     */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata> R editLatest(KubernetesClient client, R resource,
            java.util.function.UnaryOperator<R> change) {
        var resources = client.resources((Class<R>) resource.getClass());
        var named = resource.getMetadata().getNamespace() == null
                ? resources.withName(resource.getMetadata().getName())
                : resources.inNamespace(resource.getMetadata().getNamespace()).withName(resource.getMetadata().getName());
        for (int attempt = 1;; attempt++) {
            try {
                return named.edit(change);
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return null;
                }
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
