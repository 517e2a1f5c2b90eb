package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * Everything the proxy of one virtual node needs.
 *
 * @param mesh the mesh's awsName
 * @param node the node's awsName
 * @param listeners the node's listeners (inbound traffic), in spec order
 * @param accessLog the file access log, or null for none
 * @param backends the virtual services the node may call: explicit backends first, then those of its backend groups
 * @param allowAll the mesh's egress filter is ALLOW_ALL (else DROP_ALL, App Mesh's default)
 */
public record NodeModel(String mesh, String node, List<ListenerModel> listeners, AccessLogModel accessLog,
        List<BackendModel> backends, boolean allowAll) {
}
