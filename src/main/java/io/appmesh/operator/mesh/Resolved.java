package io.appmesh.operator.mesh;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * An object whose references have all been resolved and gated: its mesh, and the AWS names of the objects it refers to,
 * so that a backend never reads the cluster itself.
 *
 * @param resource the object as read
 * @param mesh the mesh it belongs to
 * @param awsNames AWS name by {@code <Kind>/<namespace>/<name>} of every referenced object (see {@link #key})
 * @param extraBackends AWS names of VirtualServices a VirtualNode reaches through its backend groups only
 */
public record Resolved<R extends HasMetadata>(R resource, MeshScope mesh, Map<String, String> awsNames,
        List<String> extraBackends) {

    public static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    /** The AWS name of a referenced object; the namespace defaults to the referring object's own. */
    public String awsNameOf(String kind, String namespace, String name) {
        String ns = References.namespaceOf(namespace, resource);
        String awsName = awsNames.get(key(kind, ns, name));
        if (awsName == null) {
            // Resolution puts every reference in the map before a backend is called; a miss is a bug, not bad input.
            throw new IllegalStateException("unresolved reference " + key(kind, ns, name));
        }
        return awsName;
    }
}
