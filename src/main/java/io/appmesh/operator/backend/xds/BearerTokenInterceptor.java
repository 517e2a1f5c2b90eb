package io.appmesh.operator.backend.xds;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

    /** One WARN line per client address and reason in this interval at most; the metric counts every refusal. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final int LOGGED_MAX = 10_000;

    private final XdsAuthenticator authenticator;
    private final XdsMetrics metrics;
    /** When a refusal was last logged, by client host and reason (System.nanoTime). */
    private final ConcurrentMap<String, Long> logged = new ConcurrentHashMap<>();

    BearerTokenInterceptor(XdsAuthenticator authenticator, XdsMetrics metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Outcome outcome = authenticator.authenticate(headers.get(AUTHORIZATION));
        if (!outcome.allowed()) {
            SocketAddress from = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            if (shouldLog(from, outcome.reason())) {
                LOG.warnf("xDS: refused a stream from %s: %s (%s)%s", from, outcome.message(), outcome.reason(),
                        outcome.detail() == null ? "" : "; " + outcome.detail());
            }
            metrics.denied(outcome.reason());
            call.close(Status.fromCode(outcome.code()).withDescription(outcome.message()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(CALLER, outcome.caller()), call, headers, next);
    }

    /**
     * Whether to log this refusal: a client retrying with a bad token (Envoy backs off to 30 s, a hostile client does
     * not) must not fill the log. By host, not host and port: each retry is a new connection.
     */
    private boolean shouldLog(SocketAddress from, String reason) {
        String host = from instanceof InetSocketAddress inet ? inet.getHostString() : String.valueOf(from);
        long now = System.nanoTime();
        if (logged.size() > LOGGED_MAX) {
            logged.clear();
        }
        boolean[] log = {false};
        logged.compute(host + " " + reason, (key, last) -> {
            if (last == null || now - last >= LOG_INTERVAL.toNanos()) {
                log[0] = true;
                return now;
            }
            return last;
        });
        return log[0];
    }
}
