package io.appmesh.operator.reconciler;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The finalizers a reconciler keeps besides the one the Operator SDK manages for it (a Mesh and a VirtualGateway carry
 * two, as upstream). Changes are patches of the latest object, so they never overwrite a concurrent change.
 */
final class Finalizers {

    private Finalizers() {
    }

    static <R extends HasMetadata> void ensure(KubernetesClient client, R resource, List<String> names) {
        List<String> missing = names.stream().filter(name -> !resource.hasFinalizer(name)).toList();
        if (missing.isEmpty()) {
            return;
        }
        R updated = client.resource(resource).edit(latest -> {
            List<String> finalizers = new ArrayList<>(latest.getMetadata().getFinalizers());
            missing.stream().filter(name -> !finalizers.contains(name)).forEach(finalizers::add);
            latest.getMetadata().setFinalizers(finalizers);
            return latest;
        });
        resource.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
        resource.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
    }

    static <R extends HasMetadata> void remove(KubernetesClient client, R resource, List<String> names) {
        if (names.stream().noneMatch(resource::hasFinalizer)) {
            return;
        }
        R updated = client.resource(resource).edit(latest -> {
            List<String> finalizers = new ArrayList<>(latest.getMetadata().getFinalizers());
            finalizers.removeAll(names);
            latest.getMetadata().setFinalizers(finalizers);
            return latest;
        });
        resource.getMetadata().setFinalizers(updated.getMetadata().getFinalizers());
        resource.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
    }
}
