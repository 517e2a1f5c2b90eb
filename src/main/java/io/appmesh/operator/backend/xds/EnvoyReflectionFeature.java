package io.appmesh.operator.backend.xds;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.graalvm.nativeimage.hosted.Feature;
import org.graalvm.nativeimage.hosted.RuntimeReflection;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * What the native image needs of the Envoy API classes, computed from their descriptors at image build time
 * ({@code --features}, application.properties). The api jar's gencode (protoc 3.25) answers
 * {@code getDescriptorForType()} through its field accessor table, which looks up by reflection every field's
 * accessors on the message and its builder, {@code newBuilder} on each message-typed field's class and
 * {@code valueOf}/{@code getValueDescriptor} on each enum-typed one; {@code Any.pack} calls it on every message it
 * packs. So each type packed into an {@code Any} — the extension types inside the resources
 * ({@link EnvoyTypes#PACKED}), the resources java-control-plane packs and the config dump's types
 * ({@link EnvoyTypes#RESOURCES}, {@code ConfigDump}) — is registered with its builder, and its fields' types one
 * level down; nothing else of the api jar's thousands of classes. The native process tests found the need
 * ({@code XdsProcessIT} under {@code make test-native}); {@code EnvoyReflectionFeatureTest} checks the set.
 */
public final class EnvoyReflectionFeature implements Feature {

    @Override
    public void beforeAnalysis(BeforeAnalysisAccess access) {
        for (Class<?> type : classes()) {
            RuntimeReflection.register(type);
            RuntimeReflection.register(type.getDeclaredMethods());
        }
    }

    /** The classes whose methods are registered. */
    static Set<Class<?>> classes() {
        List<Descriptor> packed = new ArrayList<>(EnvoyTypes.PACKED);
        packed.addAll(EnvoyTypes.RESOURCES);
        packed.add(io.envoyproxy.envoy.admin.v3.ConfigDump.getDescriptor());
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Descriptor message : packed) {
            Class<?> type = javaClass(message);
            classes.add(type);
            classes.add(nested(type, "Builder"));
            for (FieldDescriptor field : message.getFields()) {
                if (field.isMapField()) {
                    continue; // map entries have no class of their own; their accessor uses the message's methods
                }
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    classes.add(javaClass(field.getMessageType()));
                } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                    classes.add(javaClass(field.getEnumType()));
                }
            }
        }
        return classes;
    }

    static Class<?> javaClass(Descriptor message) {
        return message.getContainingType() != null
                ? nested(javaClass(message.getContainingType()), message.getName())
                : load(outerPrefix(message.getFile()) + message.getName());
    }

    static Class<?> javaClass(EnumDescriptor type) {
        return type.getContainingType() != null
                ? nested(javaClass(type.getContainingType()), type.getName())
                : load(outerPrefix(type.getFile()) + type.getName());
    }

    /** {@code <java package>.} or, for a file without {@code java_multiple_files}, {@code <package>.<Outer>$}. */
    private static String outerPrefix(FileDescriptor file) {
        String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
        if (file.getOptions().getJavaMultipleFiles()) {
            return javaPackage + ".";
        }
        String outer = file.getOptions().hasJavaOuterClassname()
                ? file.getOptions().getJavaOuterClassname()
                : camel(file.getName().substring(file.getName().lastIndexOf('/') + 1).replace(".proto", ""));
        return javaPackage + "." + outer + "$";
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean up = true;
        for (char c : name.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static Class<?> nested(Class<?> outer, String name) {
        for (Class<?> inner : outer.getDeclaredClasses()) {
            if (inner.getSimpleName().equals(name) && Modifier.isStatic(inner.getModifiers())) {
                return inner;
            }
        }
        throw new IllegalStateException("no class " + outer.getName() + "$" + name);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EnvoyReflectionFeature.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + name + " for an Envoy API type", e);
        }
    }
}
