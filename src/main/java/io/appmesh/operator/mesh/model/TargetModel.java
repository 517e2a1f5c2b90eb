package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * A virtual node as the target of a caller: one cluster per node, listener protocol and port.
 *
 * @param node the target node's awsName
 * @param listener the target listener (its port, protocol, outlier detection and health check apply to callers)
 * @param hostname the DNS hostname when the node has no pod selector (DNS service discovery), else null
 * @param dnsEndpoints DNS {@code responseType: ENDPOINTS}: every address the name resolves to is an endpoint (else
 *        {@code LOADBALANCER}, App Mesh's default: the first address, as to a load balancer)
 * @param endpoints the IPs of the node's ready pods when it has a pod selector (served at the listener port)
 */
public record TargetModel(String node, ListenerModel listener, String hostname, boolean dnsEndpoints,
        List<String> endpoints) {

    public int port() {
        return listener.port();
    }

    public Protocol protocol() {
        return listener.protocol();
    }
}
