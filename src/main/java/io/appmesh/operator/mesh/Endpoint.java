package io.appmesh.operator.mesh;

import java.util.Map;

/**
 * A pod of a VirtualNode as an endpoint registry sees it (backend-neutral).
 *
 * @param ready whether the pod's containers are ready (a not-ready pod is still registered, with an unhealthy initial
 *        status, as upstream does)
 * @param region the region label of the pod's Kubernetes node, or null
 * @param zone the zone label of the pod's Kubernetes node, or null
 */
public record Endpoint(String ip, String podName, String namespace, Map<String, String> labels, boolean ready,
        String region, String zone) {
}
