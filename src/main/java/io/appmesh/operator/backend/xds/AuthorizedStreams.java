package io.appmesh.operator.backend.xds;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import io.appmesh.operator.backend.xds.XdsAuthenticator.Caller;
import io.appmesh.operator.backend.xds.XdsAuthorizer.Denial;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DeltaDiscoveryResponse;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The ADS service as an authenticated pod sees it: a request reaches java-control-plane only once the pod may read the
 * group its node names ({@link XdsAuthorizer}) — checked on the first request, and again whenever a request names
 * another node. A refused stream is closed with PERMISSION_DENIED before java-control-plane has seen any of its
 * requests, so no resource of that group was ever sent on it (a node change later in a stream closes it at that
 * request, before the new group is asked for). The caller comes from {@link BearerTokenInterceptor}.
 * <p>
 * An authorized stream stays registered while it is open, so that a change which may withdraw the right — its pod
 * relabelled or deleted, its node's selector changed or the node removed — checks it again ({@link #reauthorize}) and
 * closes it with PERMISSION_DENIED when it fails: the pod keeps what it was sent, and receives nothing more.
 */
final class AuthorizedStreams extends AggregatedDiscoveryServiceImplBase {

    private static final Logger LOG = Logger.getLogger(AuthorizedStreams.class);

    private final AggregatedDiscoveryServiceImplBase delegate;
    private final XdsAuthorizer authorizer;
    private final XdsMetrics metrics;
    /** The streams allowed their group, until they end. */
    private final Set<Checked<?, ?>> open = ConcurrentHashMap.newKeySet();

    AuthorizedStreams(AggregatedDiscoveryServiceImplBase delegate, XdsAuthorizer authorizer, XdsMetrics metrics) {
        this.delegate = delegate;
        this.authorizer = authorizer;
        this.metrics = metrics;
    }

    @Override
    public StreamObserver<DiscoveryRequest> streamAggregatedResources(StreamObserver<DiscoveryResponse> responses) {
        Closable<DiscoveryResponse> guarded = new Closable<>((ServerCallStreamObserver<DiscoveryResponse>) responses);
        return new Checked<>(BearerTokenInterceptor.CALLER.get(), delegate.streamAggregatedResources(guarded), guarded,
                DiscoveryRequest::hasNode, DiscoveryRequest::getNode);
    }

    @Override
    public StreamObserver<DeltaDiscoveryRequest> deltaAggregatedResources(
            StreamObserver<DeltaDiscoveryResponse> responses) {
        // Delta is not served on purpose yet, but java-control-plane answers it from the same cache: same check.
        Closable<DeltaDiscoveryResponse> guarded = new Closable<>(
                (ServerCallStreamObserver<DeltaDiscoveryResponse>) responses);
        return new Checked<>(BearerTokenInterceptor.CALLER.get(), delegate.deltaAggregatedResources(guarded), guarded,
                DeltaDiscoveryRequest::hasNode, DeltaDiscoveryRequest::getNode);
    }

    /**
     * Checks again the open streams {@code affected} selects (by caller and group, with its {@code grpc/} prefix if
     * any) and closes those whose caller may no longer read their group.
     *
     * @return how many streams were closed
     */
    int reauthorize(BiPredicate<Caller, String> affected) {
        int closed = 0;
        for (Checked<?, ?> stream : open) {
            if (affected.test(stream.caller, stream.group) && stream.recheck()) {
                closed++;
            }
        }
        return closed;
    }

    /** Open authorized streams (tests, and the log of a shutdown). */
    int open() {
        return open.size();
    }

    /** The requests of one stream, handed on while its caller may read its node's group. */
    private final class Checked<T, R> implements StreamObserver<T> {

        private final Caller caller;
        private final StreamObserver<T> requests;
        private final Closable<R> responses;
        private final Predicate<T> hasNode;
        private final Function<T, Node> node;
        private volatile String group;
        private boolean denied;

        Checked(Caller caller, StreamObserver<T> requests, Closable<R> responses, Predicate<T> hasNode,
                Function<T, Node> node) {
            this.caller = caller;
            this.requests = requests;
            this.responses = responses;
            this.hasNode = hasNode;
            this.node = node;
            // A stream java-control-plane ends itself is no longer open either.
            responses.onClosed = () -> open.remove(this);
        }

        // Synchronized: a re-check from another thread (an informer, a reconciler) must not close the stream while a
        // request is being handed to java-control-plane. Lock order: this, then the responses' monitor.
        @Override
        public synchronized void onNext(T request) {
            if (denied) {
                return;
            }
            String asked = hasNode.test(request) ? NodeGroups.of(node.apply(request)) : null;
            if (asked == null && group == null) {
                // Without a node there is nothing the pod could be allowed to read.
                deny("(no node)", Denial.UNKNOWN_NODE);
                return;
            }
            if (asked != null && !asked.equals(group)) {
                Optional<Denial> denial = caller == null
                        ? Optional.of(Denial.POD_NOT_FOUND)
                        : authorizer.check(caller,
                                asked);
                if (denial.isPresent()) {
                    deny(asked, denial.get());
                    return;
                }
                group = asked;
                if (caller != null) {
                    open.add(this);
                }
            }
            requests.onNext(request);
        }

        /** Checks the stream's group again; true when the stream was closed because the caller may no longer read it. */
        synchronized boolean recheck() {
            if (denied || group == null) {
                return false;
            }
            Optional<Denial> denial = authorizer.check(caller, group);
            if (denial.isEmpty()) {
                return false;
            }
            LOG.warnf("xDS: pod %s may no longer read %s: stream closed (%s)", caller, group, denial.get().reason);
            close(group, denial.get());
            return true;
        }

        private void deny(String asked, Denial denial) {
            LOG.warnf("xDS: pod %s asked for %s: denied (%s)", caller, asked, denial.reason);
            close(asked, denial);
        }

        private void close(String asked, Denial denial) {
            denied = true;
            open.remove(this);
            metrics.denied(denial.reason);
            responses.closeWith(Status.PERMISSION_DENIED.withDescription(
                    "pod " + (caller == null ? "?" : caller.namespace() + "/" + caller.podName()) + " may not read "
                            + asked + " (" + denial.reason + ")"));
            // java-control-plane forgets the stream (and any watch it opened); CANCELLED, because the refusal is
            // already logged and sent: its own error path would log it again as a server error.
            requests.onError(Status.CANCELLED.withDescription("refused").asRuntimeException());
        }

        @Override
        public synchronized void onError(Throwable t) {
            open.remove(this);
            if (!denied) {
                requests.onError(t);
            }
        }

        @Override
        public synchronized void onCompleted() {
            open.remove(this);
            if (!denied) {
                requests.onCompleted();
            }
        }
    }

    /**
     * The response side of a stream, which this class may close while java-control-plane could be sending on it:
     * java-control-plane sends and closes under the observer's monitor, so closing under the same monitor and dropping
     * whatever comes after keeps the gRPC call's single-writer rule.
     */
    private static final class Closable<R> extends ServerCallStreamObserver<R> {

        private final ServerCallStreamObserver<R> delegate;
        private boolean closed;
        /** Run once the stream is closed from this side (by java-control-plane or a refusal). */
        private volatile Runnable onClosed = () -> {
        };

        Closable(ServerCallStreamObserver<R> delegate) {
            this.delegate = delegate;
        }

        synchronized void closeWith(Status status) {
            if (!closed) {
                closed = true;
                delegate.onError(status.asRuntimeException());
                onClosed.run();
            }
        }

        @Override
        public synchronized void onNext(R value) {
            if (!closed) {
                delegate.onNext(value);
            }
        }

        @Override
        public synchronized void onError(Throwable t) {
            if (!closed) {
                closed = true;
                delegate.onError(t);
                onClosed.run();
            }
        }

        @Override
        public synchronized void onCompleted() {
            if (!closed) {
                closed = true;
                delegate.onCompleted();
                onClosed.run();
            }
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
            delegate.setOnCancelHandler(onCancelHandler);
        }

        @Override
        public void setOnCloseHandler(Runnable onCloseHandler) {
            delegate.setOnCloseHandler(onCloseHandler);
        }

        @Override
        public void setCompression(String compression) {
            delegate.setCompression(compression);
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
            delegate.setOnReadyHandler(onReadyHandler);
        }

        @Override
        public void disableAutoInboundFlowControl() {
            delegate.disableAutoInboundFlowControl();
        }

        @Override
        public void disableAutoRequest() {
            delegate.disableAutoRequest();
        }

        @Override
        public void request(int count) {
            delegate.request(count);
        }

        @Override
        public void setMessageCompression(boolean enable) {
            delegate.setMessageCompression(enable);
        }
    }
}
