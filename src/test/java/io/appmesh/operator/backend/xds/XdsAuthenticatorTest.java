package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.backend.xds.XdsAuthenticator.Caller;
import io.appmesh.operator.backend.xds.XdsAuthenticator.Outcome;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.grpc.Status;

class XdsAuthenticatorTest {

    private static final String AUDIENCE = "appmesh-xds";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now = NOW;
    private final List<String> reviewed = new ArrayList<>();
    private Function<String, TokenReviewStatus> answer = token -> podBound(AUDIENCE);
    private final XdsAuthenticator authenticator = new XdsAuthenticator(token -> {
        reviewed.add(token);
        return answer.apply(token);
    }, AUDIENCE, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, Duration.ofMillis(300));

    @Test
    void aPodBoundTokenNamesThePod() {
        Outcome outcome = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600)));
        assertThat(outcome.allowed()).isTrue();
        assertThat(outcome.caller()).isEqualTo(new Caller("ns", "front-sa", "front-1", "uid-1"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAsInHttp() {
        assertThat(authenticator.authenticate("bearer " + jwt(NOW.plusSeconds(600))).allowed()).isTrue();
    }

    @Test
    void noTokenIsUnauthenticatedWithoutAReview() {
        for (String header : new String[]{null, "", "Bearer ", "Bearer   ", "Basic dXNlcjpwYXNz", "token"}) {
            Outcome outcome = authenticator.authenticate(header);
            assertThat(outcome.code()).as(String.valueOf(header)).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(outcome.reason()).isEqualTo("no-token");
        }
        assertThat(reviewed).isEmpty();
    }

    @Test
    void aReviewThatDoesNotAuthenticateIsUnauthenticated() {
        answer = token -> new TokenReviewStatusBuilder().withAuthenticated(false).withError("invalid bearer token")
                .build();
        Outcome outcome = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600)));
        assertThat(outcome.code()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(outcome.reason()).isEqualTo("unauthenticated");
        // The API server's words are for the log, not for whoever presented the token.
        assertThat(outcome.message()).doesNotContain("invalid bearer token");
        assertThat(outcome.detail()).contains("invalid bearer token");
    }

    @Test
    void anAnswerThatDoesNotNameOurAudienceIsUnauthenticated() {
        // An authenticator that ignores the review's audiences would answer with the token's own, or none.
        answer = token -> podBound("https://kubernetes.default.svc.cluster.local");
        assertThat(authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600))).reason())
                .isEqualTo("unauthenticated");
        answer = token -> new TokenReviewStatusBuilder(podBound(AUDIENCE)).withAudiences().build();
        assertThat(authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(601))).reason())
                .isEqualTo("unauthenticated");
    }

    @Test
    void anExpiredTokenIsRefusedWithoutAReview() {
        Outcome outcome = authenticator.authenticate("Bearer " + jwt(NOW));
        assertThat(outcome.code()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(outcome.reason()).isEqualTo("expired");
        assertThat(reviewed).isEmpty();
    }

    @Test
    void aTokenNotBoundToAPodIsPermissionDenied() {
        answer = token -> new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(AUDIENCE).withNewUser()
                .withUsername("system:serviceaccount:ns:front-sa").endUser().build();
        Outcome outcome = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600)));
        assertThat(outcome.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(outcome.reason()).isEqualTo("no-pod-binding");
        // A user that is no service account, even with pod extras, names no pod of ours either.
        answer = token -> new TokenReviewStatusBuilder(podBound(AUDIENCE)).editUser().withUsername("alice").endUser()
                .build();
        assertThat(authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(601))).reason())
                .isEqualTo("no-pod-binding");
    }

    @Test
    void aReviewThatCannotBeMadeIsUnavailableAndNotCached() {
        answer = token -> {
            throw new IllegalStateException("connection refused");
        };
        String token = jwt(NOW.plusSeconds(600));
        assertThat(authenticator.authenticate("Bearer " + token).code()).isEqualTo(Status.Code.UNAVAILABLE);
        answer = t -> podBound(AUDIENCE);
        assertThat(authenticator.authenticate("Bearer " + token).allowed()).isTrue();
        assertThat(reviewed).hasSize(2);
    }

    @Test
    void anAcceptedTokenIsReviewedOnceUntilItExpires() {
        String token = jwt(NOW.plusSeconds(600));
        assertThat(authenticator.authenticate("Bearer " + token).allowed()).isTrue();
        now = NOW.plusSeconds(599);
        assertThat(authenticator.authenticate("Bearer " + token).allowed()).isTrue();
        assertThat(reviewed).hasSize(1);
        now = NOW.plusSeconds(600);
        Outcome expired = authenticator.authenticate("Bearer " + token);
        assertThat(expired.reason()).isEqualTo("expired");
        assertThat(reviewed).hasSize(1);
    }

    @Test
    void aRefusalIsReusedForTenSecondsAtMost() {
        answer = token -> new TokenReviewStatusBuilder().withAuthenticated(false).build();
        String token = jwt(NOW.plusSeconds(600));
        authenticator.authenticate("Bearer " + token);
        now = NOW.plus(XdsAuthenticator.REFUSAL_TTL).minusMillis(1);
        authenticator.authenticate("Bearer " + token);
        assertThat(reviewed).hasSize(1);
        // The pod is bound now (or the API server was wrong): after the TTL the token is reviewed again.
        answer = t -> podBound(AUDIENCE);
        now = NOW.plus(XdsAuthenticator.REFUSAL_TTL);
        assertThat(authenticator.authenticate("Bearer " + token).allowed()).isTrue();
        assertThat(reviewed).hasSize(2);
    }

    @Test
    void whatIsNoServiceAccountJwtIsRefusedWithoutAReview() {
        for (String token : new String[]{"opaque-token", "a.b", "a.!!!.c", "a." + b64("[1]") + ".c",
                "a." + b64("not json") + ".c", "a.b.c.d", claims("{\"aud\":[\"appmesh-xds\"]}"),
                claims("{\"exp\":\"soon\",\"aud\":[\"appmesh-xds\"]}")}) {
            Outcome outcome = authenticator.authenticate("Bearer " + token);
            assertThat(outcome.code()).as(token).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(outcome.reason()).as(token).isEqualTo("malformed");
        }
        assertThat(reviewed).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWithoutAReview() {
        long exp = NOW.plusSeconds(600).getEpochSecond();
        for (String aud : new String[]{"[\"https://kubernetes.default.svc\"]", "\"https://kubernetes.default.svc\"",
                "[]", "null", "[1]"}) {
            Outcome outcome = authenticator.authenticate("Bearer " + claims(
                    "{\"exp\":" + exp + ",\"aud\":" + aud + "," + POD_CLAIMS + "}"));
            assertThat(outcome.code()).as(aud).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(outcome.reason()).as(aud).isEqualTo("other-audience");
        }
        assertThat(reviewed).isEmpty();
        // RFC 7519 allows a single audience as a string.
        assertThat(authenticator.authenticate("Bearer " + claims(
                "{\"exp\":" + exp + ",\"aud\":\"appmesh-xds\"," + POD_CLAIMS + "}")).allowed()).isTrue();
        assertThat(reviewed).hasSize(1);
    }

    @Test
    void aTokenNotBoundToAPodIsRefusedWithoutAReview() {
        long exp = NOW.plusSeconds(600).getEpochSecond();
        for (String k8s : new String[]{"{\"namespace\":\"ns\"}", "{\"pod\":{\"name\":\"front-1\"}}",
                "{\"pod\":{\"name\":\"\",\"uid\":\"uid-1\"}}"}) {
            Outcome outcome = authenticator.authenticate("Bearer " + claims(
                    "{\"exp\":" + exp + ",\"aud\":[\"appmesh-xds\"],\"kubernetes.io\":" + k8s + "}"));
            assertThat(outcome.code()).as(k8s).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(outcome.reason()).as(k8s).isEqualTo("no-pod-binding");
        }
        assertThat(reviewed).isEmpty();
    }

    @Test
    void reviewsInFlightAreCappedAndTheOneOverTheCapIsUnavailable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answer = token -> {
            await(release);
            return podBound(AUDIENCE);
        };
        List<Thread> reviewing = new ArrayList<>();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < XdsAuthenticator.MAX_CONCURRENT_REVIEWS; i++) {
            String token = jwt(NOW.plusSeconds(600 + i));
            Thread thread = new Thread(() -> outcomes.add(authenticator.authenticate("Bearer " + token)));
            thread.start();
            reviewing.add(thread);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> reviewed.size() == XdsAuthenticator.MAX_CONCURRENT_REVIEWS);
        Outcome over = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(10_000)));
        assertThat(over.code()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(over.reason()).isEqualTo("busy");
        assertThat(reviewed).hasSize(XdsAuthenticator.MAX_CONCURRENT_REVIEWS);
        release.countDown();
        for (Thread thread : reviewing) {
            thread.join(10_000);
        }
        assertThat(outcomes).hasSize(XdsAuthenticator.MAX_CONCURRENT_REVIEWS).allMatch(Outcome::allowed);
        // The cap is free again, and "busy" was not cached.
        assertThat(authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(10_000))).allowed()).isTrue();
    }

    @Test
    void aStreamOverTheCapWaitsForAReviewToFinishRatherThanBeingRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        XdsAuthenticator patient = new XdsAuthenticator(token -> {
            seen.add(token);
            await(release);
            return podBound(AUDIENCE);
        }, AUDIENCE, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));
        List<Thread> threads = new ArrayList<>();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < XdsAuthenticator.MAX_CONCURRENT_REVIEWS; i++) {
            String token = jwt(NOW.plusSeconds(600 + i));
            threads.add(new Thread(() -> outcomes.add(patient.authenticate("Bearer " + token))));
            threads.get(i).start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> seen.size() == XdsAuthenticator.MAX_CONCURRENT_REVIEWS);
        String late = jwt(NOW.plusSeconds(10_000));
        Thread over = new Thread(() -> outcomes.add(patient.authenticate("Bearer " + late)));
        over.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> over.getState() == Thread.State.TIMED_WAITING);
        assertThat(seen).as("waiting for a slot, not reviewed yet").hasSize(XdsAuthenticator.MAX_CONCURRENT_REVIEWS);
        release.countDown();
        over.join(10_000);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(outcomes).hasSize(XdsAuthenticator.MAX_CONCURRENT_REVIEWS + 1).allMatch(Outcome::allowed);
        assertThat(seen).contains(late);
    }

    @Test
    void concurrentStreamsWithOneTokenShareOneReview() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answer = token -> {
            await(release);
            return podBound(AUDIENCE);
        };
        String token = jwt(NOW.plusSeconds(600));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> outcomes.add(authenticator.authenticate("Bearer " + token)));
        first.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reviewed.size() == 1);
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> outcomes.add(authenticator.authenticate("Bearer " + token)));
            thread.start();
            waiting.add(thread);
        }
        // Each waits for the review in flight instead of starting its own.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        first.join(10_000);
        for (Thread thread : waiting) {
            thread.join(10_000);
        }
        assertThat(outcomes).hasSize(5).allMatch(Outcome::allowed);
        assertThat(reviewed).hasSize(1);
    }

    @Test
    void theApiServersErrorIsLoggedNotSentToTheClient() {
        answer = token -> {
            throw new IllegalStateException("dial tcp 10.96.0.1:443: i/o timeout");
        };
        Outcome outcome = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600)));
        assertThat(outcome.reason()).isEqualTo("review-failed");
        assertThat(outcome.message()).doesNotContain("10.96.0.1");
        assertThat(outcome.detail()).contains("10.96.0.1");
        answer = token -> new TokenReviewStatusBuilder(podBound(AUDIENCE)).withAudiences("https://internal.example")
                .build();
        Outcome audiences = authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(601)));
        assertThat(audiences.message()).doesNotContain("internal.example");
        assertThat(audiences.detail()).contains("internal.example");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < XdsAuthenticator.MAX_ENTRIES + 50; i++) {
            authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600 + i)));
        }
        assertThat(authenticator.cached()).isEqualTo(XdsAuthenticator.MAX_ENTRIES);
        // The oldest went first: the first token is reviewed again, the last is not.
        int before = reviewed.size();
        authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600 + XdsAuthenticator.MAX_ENTRIES + 49)));
        assertThat(reviewed).hasSize(before);
        authenticator.authenticate("Bearer " + jwt(NOW.plusSeconds(600)));
        assertThat(reviewed).hasSize(before + 1);
    }

    @Test
    void expiryIsReadFromTheJwtWithoutVerifyingIt() {
        assertThat(XdsAuthenticator.expiry(jwt(NOW))).isEqualTo(NOW);
        assertThat(XdsAuthenticator.expiry("a.b")).isNull();
        assertThat(XdsAuthenticator.expiry("a.!!!.c")).isNull();
        assertThat(XdsAuthenticator.expiry("a." + b64("{\"exp\":\"soon\"}") + ".c")).isNull();
        assertThat(XdsAuthenticator.expiry("a." + b64("[1]") + ".c")).isNull();
        assertThat(Duration.between(NOW, XdsAuthenticator.expiry(jwt(NOW.plusSeconds(3600))))).hasHours(1);
    }

    private static TokenReviewStatus podBound(String audience) {
        return new TokenReviewStatusBuilder().withAuthenticated(true).withAudiences(audience).withNewUser()
                .withUsername("system:serviceaccount:ns:front-sa")
                .withExtra(Map.of(XdsAuthenticator.POD_NAME, List.of("front-1"), XdsAuthenticator.POD_UID,
                        List.of("uid-1")))
                .endUser().build();
    }

    private static final String POD_CLAIMS = "\"kubernetes.io\":{\"namespace\":\"ns\",\"pod\":{\"name\":\"front-1\","
            + "\"uid\":\"uid-1\"},\"serviceaccount\":{\"name\":\"front-sa\"}}";

    /**
     * An unsigned JWT with the claims of a projected token (audience, expiry, the pod it is bound to): the authenticator
     * never verifies the signature, the review does.
     */
    private static String jwt(Instant exp) {
        return claims("{\"aud\":[\"appmesh-xds\"],\"exp\":" + exp.getEpochSecond()
                + ",\"sub\":\"system:serviceaccount:ns:front-sa\"," + POD_CLAIMS + "}");
    }

    private static String claims(String json) {
        return b64("{\"alg\":\"none\"}") + "." + b64(json) + ".sig";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
