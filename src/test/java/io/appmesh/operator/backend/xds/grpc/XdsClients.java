package io.appmesh.operator.backend.xds.grpc;

import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.xds.XdsNameResolverProvider;

/**
 * Proxyless gRPC client channels: grpc-java's own xDS client resolves {@code xds:///<service>:<port>} through an
 * {@link AdsTestServer}. The bootstrap is passed per channel ({@link XdsNameResolverProvider#createForTest}, public in
 * grpc-xds 1.76; it gives the channel its own xDS client) rather than through {@code GRPC_XDS_BOOTSTRAP*} or the
 * {@code io.grpc.xds.bootstrapConfig} system property, which are read once per JVM and would make every channel the
 * same node.
 */
public final class XdsClients {

    private XdsClients() {
    }

    /** The node id and cluster the operator's injector gives a VirtualNode's pods. */
    public static String nodeId(String mesh, String node) {
        return "mesh/" + mesh + "/virtualNode/" + node;
    }

    /**
     * A channel to {@code xds:///<authority>} as a pod of the node (id and cluster {@code nodeId}). Plaintext: the
     * pods serve no TLS and the bootstrap has no certificate providers.
     */
    public static ManagedChannel channel(AdsTestServer ads, String nodeId, String authority) {
        return channel(ads.address(), nodeId, authority);
    }

    /** Like {@link #channel(AdsTestServer, String, String)}, against any ADS server ({@code host:port}). */
    public static ManagedChannel channel(String serverUri, String nodeId, String authority) {
        Map<String, ?> bootstrap = Map.of("xds_servers",
                List.of(Map.of("server_uri", serverUri, "channel_creds", List.of(Map.of("type", "insecure")),
                        "server_features", List.of("xds_v3"))),
                "node", Map.of("id", nodeId, "cluster", nodeId));
        @SuppressWarnings("deprecation") // the one public way to give a channel its own resolver
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget("xds:///" + authority)
                .nameResolverFactory(XdsNameResolverProvider.createForTest("xds", bootstrap)).usePlaintext();
        return builder.build();
    }
}
