package io.appmesh.operator.backend.xds;

import org.jboss.logging.Logger;

import io.appmesh.operator.backend.xds.XdsAuthenticator.Caller;
import io.appmesh.operator.backend.xds.XdsAuthenticator.Outcome;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Every call on the ADS port must present a pod's token: a call without one, or with one the {@link XdsAuthenticator}
 * refuses, is closed before the ADS service sees it (so before any resource could be sent); an accepted call carries
 * its {@link Caller} in the gRPC context, where {@link AuthorizedStreams} reads it.
 * <p>
 * The TokenReview (when not cached) blocks the thread that starts the call: grpc-java's default executor, a cached
 * thread pool, not the transport's event loop.
 */
final class BearerTokenInterceptor implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(BearerTokenInterceptor.class);
    static final Context.Key<Caller> CALLER = Context.key("appmesh-xds-caller");
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final XdsAuthenticator authenticator;
    private final XdsMetrics metrics;

    BearerTokenInterceptor(XdsAuthenticator authenticator, XdsMetrics metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Outcome outcome = authenticator.authenticate(headers.get(AUTHORIZATION));
        if (!outcome.allowed()) {
            LOG.warnf("xDS: refused a stream from %s: %s (%s)", call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
                    outcome.message(), outcome.reason());
            metrics.denied(outcome.reason());
            call.close(Status.fromCode(outcome.code()).withDescription(outcome.message()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(CALLER, outcome.caller()), call, headers, next);
    }
}
