package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native image's reflection list for the Envoy API ({@link NativeReflection}) names exactly the types packed into
 * {@code Any}s — each with its builder — so that a type added to the translator without it fails here rather than
 * only in the native executable.
 */
class NativeReflectionTest {

    @Test
    void everyPackedTypeAndItsBuilderIsRegistered() throws Exception {
        Set<Class<?>> registered = Set.of(NativeReflection.class.getAnnotation(RegisterForReflection.class).targets());
        Set<Class<?>> expected = new HashSet<>();
        List<Descriptor> packed = new ArrayList<>(EnvoyTypes.PACKED);
        packed.addAll(EnvoyTypes.RESOURCES);
        packed.add(io.envoyproxy.envoy.admin.v3.ConfigDump.getDescriptor());
        for (Descriptor descriptor : packed) {
            Class<?> message = javaClass(descriptor);
            expected.add(message);
            expected.add(Class.forName(message.getName() + "$Builder"));
        }
        assertThat(registered).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Class<?> javaClass(Descriptor descriptor) throws ClassNotFoundException {
        String javaPackage = descriptor.getFile().getOptions().getJavaPackage();
        return Class.forName(javaPackage + "." + descriptor.getName());
    }
}
