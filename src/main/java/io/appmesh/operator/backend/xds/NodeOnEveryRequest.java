package io.appmesh.operator.backend.xds;

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
        StreamObserver<DiscoveryRequest> requests = delegate.streamAggregatedResources(responses);
        return new StreamObserver<>() {
            private Node node;

            @Override
            public void onNext(DiscoveryRequest request) {
                if (request.hasNode()) {
                    node = request.getNode();
                } else if (node != null) {
                    request = request.toBuilder().setNode(node).build();
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

    @Override
    public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
            StreamObserver<DeltaDiscoveryResponse> responses) {
        StreamObserver<DeltaDiscoveryRequest> requests = delegate.deltaAggregatedResources(responses);
        return new StreamObserver<>() {
            private Node node;

            @Override
            public void onNext(DeltaDiscoveryRequest request) {
                if (request.hasNode()) {
                    node = request.getNode();
                } else if (node != null) {
                    request = request.toBuilder().setNode(node).build();
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
