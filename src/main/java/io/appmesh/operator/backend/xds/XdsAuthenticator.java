package io.appmesh.operator.backend.xds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.grpc.Status;

/**
 * Who is on the other end of an ADS stream: the pod whose projected ServiceAccount token it presents
 * ({@code authorization: Bearer <token>}), as the API server's TokenReview says, for this server's audience only.
 * <p>
 * Reviews are cached by the token's SHA-256 (never the token itself) until the token's {@code exp} claim, read without
 * verifying it (the review verified the token; {@code exp} only bounds how long its answer may be reused); refusals for
 * {@link #REFUSAL_TTL} at most, so that a token that becomes valid (a pod just bound, a clock skew) is not locked out;
 * at most {@link #MAX_ENTRIES} entries, the oldest evicted first. A review that could not be made (API server
 * unreachable) is not cached and answers UNAVAILABLE, which Envoy retries.
 */
final class XdsAuthenticator {

    /** Refusals are reused this long at most. */
    static final Duration REFUSAL_TTL = Duration.ofSeconds(10);
    /** A token without a readable {@code exp}: its review is reused this long. */
    static final Duration NO_EXPIRY_TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;

    static final String POD_NAME = "authentication.kubernetes.io/pod-name";
    static final String POD_UID = "authentication.kubernetes.io/pod-uid";
    private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pod a token is bound to. */
    record Caller(String namespace, String serviceAccount, String podName, String podUid) {

        @Override
        public String toString() {
            return namespace + "/" + podName + " (uid " + podUid + ", service account " + serviceAccount + ")";
        }
    }

    /**
     * A caller, or why not: the gRPC status code to close the call with and the metric reason
     * ({@code appmesh_xds_denied_total{reason}}).
     */
    record Outcome(Caller caller, Status.Code code, String reason, String message) {

        static Outcome of(Caller caller) {
            return new Outcome(caller, Status.Code.OK, null, null);
        }

        static Outcome refused(Status.Code code, String reason, String message) {
            return new Outcome(null, code, reason, message);
        }

        boolean allowed() {
            return caller != null;
        }
    }

    private record Cached(Outcome outcome, Instant until) {
    }

    private final Function<String, TokenReviewStatus> review;
    private final String audience;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * @param review posts a TokenReview of the token with {@link #audience} as its only audience and answers its status
     *        (throws when the API server cannot be asked)
     */
    XdsAuthenticator(Function<String, TokenReviewStatus> review, String audience, Clock clock) {
        this.review = review;
        this.audience = audience;
        this.clock = clock;
    }

    /** The caller of a call with this {@code authorization} header value (null when absent). */
    Outcome authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "no-token",
                    "an ADS stream needs 'authorization: Bearer <ServiceAccount token with audience " + audience + ">'");
        }
        String token = authorization.substring(7).trim();
        String key = sha256(token);
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(key);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.outcome();
            }
        }
        Instant expiry = expiry(token);
        Outcome outcome;
        Instant until;
        if (expiry != null && !now.isBefore(expiry)) {
            outcome = Outcome.refused(Status.Code.UNAUTHENTICATED, "expired", "the token expired at " + expiry);
            until = now.plus(REFUSAL_TTL);
        } else {
            TokenReviewStatus status;
            try {
                status = review.apply(token);
            } catch (RuntimeException e) {
                // Not the caller's fault and not an answer: not cached, and Envoy retries an UNAVAILABLE stream.
                return Outcome.refused(Status.Code.UNAVAILABLE, "review-failed",
                        "the token could not be reviewed: " + e.getMessage());
            }
            outcome = outcome(status);
            until = !outcome.allowed()
                    ? now.plus(REFUSAL_TTL)
                    : expiry == null ? now.plus(NO_EXPIRY_TTL) : expiry;
        }
        synchronized (cache) {
            cache.put(key, new Cached(outcome, until));
        }
        return outcome;
    }

    private Outcome outcome(TokenReviewStatus status) {
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated())) {
            String error = status == null || status.getError() == null ? "" : ": " + status.getError();
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "unauthenticated",
                    "the API server did not authenticate the token for audience " + audience + error);
        }
        // An API server that ignores audiences (or an authenticator that does) must not make another audience's token
        // valid here: the answer must name ours (the TokenReview API's own advice).
        if (status.getAudiences() == null || !status.getAudiences().contains(audience)) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "unauthenticated",
                    "the token is not valid for audience " + audience + " (review answered audiences "
                            + status.getAudiences() + ")");
        }
        String user = status.getUser() == null ? null : status.getUser().getUsername();
        Map<String, List<String>> extra = status.getUser() == null || status.getUser().getExtra() == null
                ? Map.of()
                : status.getUser().getExtra();
        String podName = single(extra.get(POD_NAME));
        String podUid = single(extra.get(POD_UID));
        if (user == null || !user.startsWith(SERVICE_ACCOUNT_PREFIX)
                || user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1).length != 2 || podName == null
                || podUid == null) {
            // The node a stream may read is decided by the pod: a token not bound to one (a Secret-based or
            // TokenRequest token without boundObjectRef) proves nothing about which node it may read.
            return Outcome.refused(Status.Code.PERMISSION_DENIED, "no-pod-binding",
                    user + " presented a token not bound to a pod (use a projected ServiceAccount token)");
        }
        String[] account = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
        return Outcome.of(new Caller(account[0], account[1], podName, podUid));
    }

    private static String single(List<String> values) {
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** The JWT's {@code exp}, read without verifying the token; null when it is not a JWT or has none. */
    static Instant expiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
