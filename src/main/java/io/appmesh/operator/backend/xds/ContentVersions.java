package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;

/**
 * Versions that are a hash of the content: the same resources give the same version in any process, so an Envoy that
 * reconnects (after a restart of the operator, or to another replica) already holds the version it is offered and
 * receives nothing new. Serialization is deterministic (map fields sorted) so that equal messages hash equally.
 */
final class ContentVersions {

    private ContentVersions() {
    }

    static String of(List<? extends Message> resources) {
        MessageDigest digest = sha256();
        resources.stream().sorted(Comparator.comparing(ContentVersions::name)).forEach(resource -> {
            digest.update(name(resource).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(deterministicBytes(resource));
        });
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    static byte[] deterministicBytes(Message message) {
        byte[] bytes = new byte[message.getSerializedSize()];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        try {
            message.writeTo(out);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** The resource's name, without protobuf's reflection (a native image has none for the Envoy API classes). */
    private static String name(Message resource) {
        if (resource instanceof Cluster c) {
            return c.getName();
        } else if (resource instanceof ClusterLoadAssignment a) {
            return a.getClusterName();
        } else if (resource instanceof Listener l) {
            return l.getName();
        } else if (resource instanceof RouteConfiguration r) {
            return r.getName();
        } else if (resource instanceof Secret s) {
            return s.getName();
        }
        throw new IllegalArgumentException("not an xDS resource: " + resource.getDescriptorForType().getFullName());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
