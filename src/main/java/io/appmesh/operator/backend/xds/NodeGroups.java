package io.appmesh.operator.backend.xds;

import io.envoyproxy.controlplane.cache.NodeGroup;
import io.envoyproxy.envoy.config.core.v3.Node;

/**
 * Which snapshot a connecting proxy gets. aws-appmesh-envoy sends {@code node.id} = {@code node.cluster} =
 * {@code mesh/<mesh>/virtualNode/<node>} (the injected {@code APPMESH_RESOURCE_ARN}); every pod of a virtual node gets
 * the same configuration, so snapshots are kept per virtual node and keyed by {@code node.cluster}, falling back to
 * {@code node.id} for a client that sets only that. A proxyless gRPC client of the same virtual node needs other
 * resources (API listeners, no sidecar listeners), so its group is the same name under {@code grpc/}. A virtual
 * gateway's Envoy announces {@code mesh/<mesh>/virtualGateway/<gateway>} the same way (the injector's
 * {@code APPMESH_RESOURCE_ARN} for gateway pods) and gets that gateway's snapshot.
 */
public final class NodeGroups implements NodeGroup<String> {

    @Override
    public String hash(Node node) {
        return of(node);
    }

    public static final String GRPC = "grpc/";

    public static String of(Node node) {
        String group = node.getCluster().isEmpty() ? node.getId() : node.getCluster();
        return Proxyless.isGrpcClient(node) ? GRPC + group : group;
    }

    /** The group (and App Mesh resource name) of a virtual node. */
    public static String virtualNode(String meshAwsName, String nodeAwsName) {
        return "mesh/" + meshAwsName + "/virtualNode/" + nodeAwsName;
    }

    /** The group (and App Mesh resource name) of a virtual gateway, what its pods' Envoys send. */
    public static String virtualGateway(String meshAwsName, String gatewayAwsName) {
        return "mesh/" + meshAwsName + "/virtualGateway/" + gatewayAwsName;
    }
}
