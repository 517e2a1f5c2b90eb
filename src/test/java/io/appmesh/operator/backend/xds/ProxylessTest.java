package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import io.envoyproxy.envoy.config.core.v3.Node;

class ProxylessTest {

    @Test
    void istioGeneratorMetadataMarksAGrpcClient() {
        Node node = Node.newBuilder().setId("mesh/m/virtualNode/n").setMetadata(Struct.newBuilder()
                .putFields("GENERATOR", Value.newBuilder().setStringValue("grpc").build())).build();

        assertThat(Proxyless.isGrpcClient(node)).isTrue();
    }

    @Test
    void grpcLibraryUserAgentsMarkAGrpcClient() {
        assertThat(Proxyless.isGrpcClient(Node.newBuilder().setUserAgentName("gRPC Java").build())).isTrue();
        assertThat(Proxyless.isGrpcClient(Node.newBuilder().setUserAgentName("gRPC Go").build())).isTrue();
    }

    @Test
    void envoyIsNotAGrpcClient() {
        assertThat(Proxyless.isGrpcClient(Node.newBuilder().setUserAgentName("envoy").build())).isFalse();
        assertThat(Proxyless.isGrpcClient(Node.getDefaultInstance())).isFalse();
        assertThat(Proxyless.isGrpcClient(Node.newBuilder().setUserAgentName("envoy").setMetadata(Struct.newBuilder()
                .putFields("GENERATOR", Value.newBuilder().setStringValue("envoy").build())).build())).isFalse();
    }
}
