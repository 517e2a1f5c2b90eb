package io.appmesh.operator.backend.xds;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.stub.StreamObserver;

/**
 * java-control-plane picks the snapshot of each request from that request's node, but clients may send the node on
 * the first request of a stream only (Envoy with {@code set_node_on_first_message_only}, grpc-java's xDS client): the
 * later requests would look up an empty group and wait forever. This ADS service hands every request on with the
 * stream's node.
 */
final class NodeOnEveryRequest extends AggregatedDiscoveryServiceImplBase {

    private final AggregatedDiscoveryServiceImplBase delegate;

    NodeOnEveryRequest(AggregatedDiscoveryServiceImplBase delegate) {
        this.delegate = delegate;
    }

    @Override
    public StreamObserver<DiscoveryRequest> streamAggregatedResources(StreamObserver<DiscoveryResponse> responses) {
        return withStreamNode(delegate.streamAggregatedResources(responses), DiscoveryRequest::hasNode,
                DiscoveryRequest::getNode, (request, node) -> request.toBuilder().setNode(node).build());
    }

    @Override
    public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
            StreamObserver<DeltaDiscoveryResponse> responses) {
        return withStreamNode(delegate.deltaAggregatedResources(responses), DeltaDiscoveryRequest::hasNode,
                DeltaDiscoveryRequest::getNode, (request, node) -> request.toBuilder().setNode(node).build());
    }

    /** Hands each request on to {@code requests}, with the stream's node (its first request's) when it has none. */
    private static <T> StreamObserver<T> withStreamNode(StreamObserver<T> requests, Predicate<T> hasNode,
            Function<T, Node> node, BiFunction<T, Node, T> withNode) {
        return new StreamObserver<>() {
            private Node streamNode;

            @Override
            public void onNext(T request) {
                if (hasNode.test(request)) {
                    streamNode = node.apply(request);
                } else if (streamNode != null) {
                    request = withNode.apply(request, streamNode);
                }
                requests.onNext(request);
            }

            @Override
            public void onError(Throwable t) {
                requests.onError(t);
            }

            @Override
            public void onCompleted() {
                requests.onCompleted();
            }
        };
    }
}
