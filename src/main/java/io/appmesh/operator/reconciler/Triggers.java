package io.appmesh.operator.reconciler;

import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.mesh.References;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Event sources that re-queue a reconciler's resources when something they depend on changes (upstream's watches): on creation and deletion of the dependency, and on an update only when its Active condition
 * flips. The sources' caches double as the reconciler's reference lookups ({@link CacheLookup}).
 */
public final class Triggers {

    private Triggers() {
    }

    /**
     * @param type the dependency's kind
     * @param dependsOn whether a primary resource (second argument) refers to the dependency (first argument)
     */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> onActiveFlip(Class<S> type,
            EventSourceContext<P> context, BiPredicate<S, P> dependsOn) {
        var configuration = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withName(type.getSimpleName())
                .withSecondaryToPrimaryMapper(dependency -> dependents(context, dependency, dependsOn))
                .withOnUpdateFilter((now, before) -> References.isActive(now) != References.isActive(before))
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /** A cache and trigger on any change of a dependency (BackendGroups: their lists matter, not their status). */
    public static <S extends HasMetadata, P extends HasMetadata> InformerEventSource<S, P> onChange(Class<S> type,
            EventSourceContext<P> context, BiPredicate<S, P> dependsOn) {
        var configuration = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withName(type.getSimpleName())
                .withSecondaryToPrimaryMapper(dependency -> dependents(context, dependency, dependsOn))
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    private static <S extends HasMetadata, P extends HasMetadata> Set<ResourceID> dependents(
            EventSourceContext<P> context, S dependency, BiPredicate<S, P> dependsOn) {
        return context.getPrimaryCache().list().filter(primary -> dependsOn.test(dependency, primary))
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    /**
     * Whether a member's {@code meshRef} names the mesh. Null-safe, as every {@code dependsOn} predicate must be: an
     * object created past the webhooks may lack any reference.
     */
    public static boolean memberOf(Mesh mesh, MeshMember member) {
        return member != null && member.getMeshRef() != null
                && mesh.getMetadata().getName().equals(member.getMeshRef().getName());
    }
}
