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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.grpc.Status;

/**
 * Who is on the other end of an ADS stream: the pod whose projected ServiceAccount token it presents
 * ({@code authorization: Bearer <token>}), as the API server's TokenReview says, for this server's audience only.
 * <p>
 * The ADS port is reachable by anything in the cluster, unauthenticated: each review is an API call it could make us
 * spend. So the token is first read locally (not verified): only a JWT whose {@code aud} names our audience, whose
 * {@code exp} is in the future and which is bound to a pod ({@code kubernetes.io.pod}, what a projected token
 * carries) is sent for review; anything else is refused without an API call. At most {@link #MAX_CONCURRENT_REVIEWS}
 * reviews run at once; a stream waits up to {@link #SLOT_WAIT} for a free one (refusing at once made a cold start of
 * many pods wait on Envoy's retry backoff rather than on the API server: docs/benchmarks.md, xDS channel), and at most
 * {@link #MAX_WAITING} streams wait; beyond either, UNAVAILABLE, which Envoy retries with backoff. Concurrent streams
 * presenting the same token share one review.
 * <p>
 * Reviews are cached by the token's SHA-256 (never the token itself) until the token's {@code exp} claim (the review
 * verified the token; {@code exp} only bounds how long its answer may be reused); refusals for {@link #REFUSAL_TTL} at
 * most, so that a token that becomes valid (a pod just bound, a clock skew) is not locked out; at most
 * {@link #MAX_ENTRIES} entries, the oldest evicted first. Local refusals are not cached (they cost no call, and a flood
 * of junk tokens must not evict the reviews of real ones). A review that could not be made (API server unreachable, too
 * many at once) is not cached and answers UNAVAILABLE.
 * <p>
 * What the client is told is this class's own text; what the API server said (its error, the audiences it answered)
 * is only logged ({@link Outcome#detail}).
 */
final class XdsAuthenticator {

    /** Refusals are reused this long at most. */
    static final Duration REFUSAL_TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;
    /** TokenReviews in flight at most; a stream that would start one more is UNAVAILABLE. */
    static final int MAX_CONCURRENT_REVIEWS = 16;
    /** How long a stream waits for one of those reviews to finish before it is UNAVAILABLE. */
    static final Duration SLOT_WAIT = Duration.ofSeconds(2);
    /** Streams waiting for a review at most (each holds a gRPC executor thread while it waits). */
    static final int MAX_WAITING = 512;

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
     * A caller, or why not: the gRPC status code to close the call with, the metric reason
     * ({@code appmesh_xds_denied_total{reason}}), the message the client receives and, for the log only, what the API
     * server said (null when nothing).
     */
    record Outcome(Caller caller, Status.Code code, String reason, String message, String detail) {

        static Outcome of(Caller caller) {
            return new Outcome(caller, Status.Code.OK, null, null, null);
        }

        static Outcome refused(Status.Code code, String reason, String message) {
            return new Outcome(null, code, reason, message, null);
        }

        static Outcome refused(Status.Code code, String reason, String message, String detail) {
            return new Outcome(null, code, reason, message, detail);
        }

        boolean allowed() {
            return caller != null;
        }
    }

    private record Cached(Outcome outcome, Instant until) {
    }

    private final Semaphore reviews = new Semaphore(MAX_CONCURRENT_REVIEWS);
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration slotWait;
    /** The review of a token in flight, by its SHA-256: a second stream with that token waits for it. */
    private final ConcurrentMap<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
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
        this(review, audience, clock, SLOT_WAIT);
    }

    XdsAuthenticator(Function<String, TokenReviewStatus> review, String audience, Clock clock, Duration slotWait) {
        this.review = review;
        this.audience = audience;
        this.clock = clock;
        this.slotWait = slotWait;
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
        Outcome cached = cached(key, now);
        if (cached != null) {
            return cached;
        }
        JsonNode claims = claims(token);
        Outcome local = precheck(claims, now);
        if (local != null) {
            return local;
        }
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            // A review that finished between the cache lookup and now has cached its answer.
            Outcome outcome = cached(key, now);
            if (outcome == null) {
                outcome = review(token, key, Instant.ofEpochSecond(claims.get("exp").asLong()), now);
            }
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Outcome cached(String key, Instant now) {
        synchronized (cache) {
            Cached cached = cache.get(key);
            return cached != null && now.isBefore(cached.until()) ? cached.outcome() : null;
        }
    }

    /**
     * What can be refused without asking the API server, from the token's claims as they are written (not verified:
     * a forged token passes this, and the review refuses it); null when the token is worth a review.
     */
    private Outcome precheck(JsonNode claims, Instant now) {
        if (claims == null || !claims.path("exp").isNumber()) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "malformed",
                    "the token is not a ServiceAccount token (a JWT with an exp claim)");
        }
        Instant expiry = Instant.ofEpochSecond(claims.get("exp").asLong());
        if (!now.isBefore(expiry)) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "expired", "the token expired at " + expiry);
        }
        JsonNode aud = claims.path("aud");
        boolean ours = aud.isTextual() ? aud.asText().equals(audience) : false;
        for (JsonNode one : aud.isArray() ? aud : List.<JsonNode>of()) {
            ours |= one.isTextual() && one.asText().equals(audience);
        }
        if (!ours) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "other-audience",
                    "the token is not for audience " + audience);
        }
        JsonNode pod = claims.path("kubernetes.io").path("pod");
        if (pod.path("name").asText("").isEmpty() || pod.path("uid").asText("").isEmpty()) {
            // The node a stream may read is decided by the pod: a token not bound to one (a Secret-based or
            // TokenRequest token without boundObjectRef) proves nothing about which node it may read.
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "no-pod-binding",
                    "the token is not bound to a pod (use a projected ServiceAccount token)");
        }
        return null;
    }

    /** Asks the API server, within the cap on concurrent reviews, and caches its answer. */
    private Outcome review(String token, String key, Instant expiry, Instant now) {
        if (!slot()) {
            // Envoy retries an UNAVAILABLE stream (with backoff).
            return Outcome.refused(Status.Code.UNAVAILABLE, "busy",
                    "too many tokens are being reviewed, try again",
                    MAX_CONCURRENT_REVIEWS + " TokenReviews in flight, " + waiting.get() + " streams waiting");
        }
        TokenReviewStatus status;
        try {
            status = review.apply(token);
        } catch (RuntimeException e) {
            // Not the caller's fault and not an answer: not cached, and Envoy retries an UNAVAILABLE stream. The
            // error (an address, an API server message) stays in the log.
            return Outcome.refused(Status.Code.UNAVAILABLE, "review-failed", "the token could not be reviewed, try again",
                    String.valueOf(e));
        } finally {
            reviews.release();
        }
        Outcome outcome = outcome(status);
        Instant until = outcome.allowed() ? expiry : now.plus(REFUSAL_TTL);
        synchronized (cache) {
            cache.put(key, new Cached(outcome, until));
        }
        return outcome;
    }

    /** A review slot, waited for a bounded time by a bounded number of streams. */
    private boolean slot() {
        if (reviews.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return reviews.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private Outcome outcome(TokenReviewStatus status) {
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated())) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "unauthenticated",
                    "the API server did not authenticate the token for audience " + audience,
                    status == null ? "no review status" : status.getError());
        }
        // An API server that ignores audiences (or an authenticator that does) must not make another audience's token
        // valid here: the answer must name ours (the TokenReview API's own advice).
        if (status.getAudiences() == null || !status.getAudiences().contains(audience)) {
            return Outcome.refused(Status.Code.UNAUTHENTICATED, "unauthenticated",
                    "the token is not valid for audience " + audience,
                    "the review answered audiences " + status.getAudiences());
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
                    "the token is not bound to a pod (use a projected ServiceAccount token)",
                    "the review answered user " + user + " with pod " + podName + " (uid " + podUid + ")");
        }
        String[] account = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
        return Outcome.of(new Caller(account[0], account[1], podName, podUid));
    }

    private static String single(List<String> values) {
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** The JWT's {@code exp}, read without verifying the token; null when it is not a JWT or has none. */
    static Instant expiry(String token) {
        JsonNode claims = claims(token);
        JsonNode exp = claims == null ? null : claims.get("exp");
        return exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
    }

    /** A JWT's claims as written (not verified), or null when the token is not a JWT with a JSON object payload. */
    static JsonNode claims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() > MAX_PAYLOAD) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.isObject() ? claims : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    /** A projected token's payload is well under 2 KiB; a larger one is not parsed (gRPC caps headers at 8 KiB). */
    private static final int MAX_PAYLOAD = 16 * 1024;

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
