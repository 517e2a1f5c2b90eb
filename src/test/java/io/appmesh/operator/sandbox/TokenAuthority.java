package io.appmesh.operator.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test API server's ServiceAccount token issuer and TokenReview ({@code authentication.k8s.io/v1}): a token it
 * issued authenticates while it has not expired, for the audiences it was issued for, and — as kube-apiserver checks
 * for a bound token — while its pod still exists with the same UID. The answer is a real server's: {@code username}
 * {@code system:serviceaccount:<ns>:<sa>}, the service-account groups, the pod in {@code extra}
 * ({@code authentication.kubernetes.io/pod-name}, {@code /pod-uid}) and {@code status.audiences} the intersection of
 * the review's and the token's audiences; anything else is {@code authenticated: false} with an error.
 * <p>
 * Tokens are JWTs signed with HMAC-SHA256 under a key of this class, so any JVM of a test (the test itself, a
 * {@code @QuarkusTest}'s class loader, the process that serves the API) issues tokens the API server accepts, and a
 * token with any other signature is refused.
 */
public final class TokenAuthority {

    /** kube-apiserver's default audience: a review without audiences checks this one. */
    public static final String API_SERVER_AUDIENCE = "https://kubernetes.default.svc.cluster.local";
    private static final byte[] KEY = "appmesh-operator test token authority".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TokenAuthority() {
    }

    /** A projected token of a pod, as the kubelet mounts it. */
    public static String podToken(String namespace, String serviceAccount, String podName, String podUid,
            String audience, Instant expiry) {
        return issue(namespace, serviceAccount, podName, podUid, audience, expiry);
    }

    /** A token of a service account bound to no pod (a TokenRequest without boundObjectRef). */
    public static String serviceAccountToken(String namespace, String serviceAccount, String audience,
            Instant expiry) {
        return issue(namespace, serviceAccount, null, null, audience, expiry);
    }

    private static String issue(String namespace, String serviceAccount, String podName, String podUid,
            String audience, Instant expiry) {
        ObjectNode claims = JSON.createObjectNode();
        claims.putArray("aud").add(audience);
        claims.put("exp", expiry.getEpochSecond());
        long issued = Math.min(Instant.now().getEpochSecond(), expiry.getEpochSecond());
        claims.put("iat", issued);
        claims.put("nbf", issued);
        claims.put("iss", API_SERVER_AUDIENCE);
        claims.put("sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
        ObjectNode k8s = claims.putObject("kubernetes.io");
        k8s.put("namespace", namespace);
        // kube-apiserver writes the account's UID too; nothing here reads it.
        k8s.putObject("serviceaccount").put("name", serviceAccount).put("uid",
                java.util.UUID.nameUUIDFromBytes((namespace + "/" + serviceAccount).getBytes(StandardCharsets.UTF_8))
                        .toString());
        if (podName != null) {
            k8s.putObject("pod").put("name", podName).put("uid", podUid);
        }
        String signed = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(sign(signed));
    }

    /**
     * The answer to a created TokenReview.
     *
     * @param podUid the UID of a stored pod by namespace and name, or null when there is none
     */
    static JsonNode review(JsonNode request, BiFunction<String, String, String> podUid, Instant now) {
        ObjectNode answer = JSON.createObjectNode().put("apiVersion", "authentication.k8s.io/v1")
                .put("kind", "TokenReview");
        answer.putObject("metadata").put("creationTimestamp", (String) null);
        answer.set("spec", request.path("spec").deepCopy());
        ObjectNode status = answer.putObject("status");
        List<String> wanted = new ArrayList<>();
        request.path("spec").path("audiences").forEach(a -> wanted.add(a.asText()));
        if (wanted.isEmpty()) {
            wanted.add(API_SERVER_AUDIENCE);
        }
        JsonNode claims = verified(request.path("spec").path("token").asText(""));
        if (claims == null) {
            return refuse(answer, "invalid bearer token, square/go-jose: error in cryptographic primitive");
        }
        if (claims.path("exp").asLong() <= now.getEpochSecond()) {
            return refuse(answer, "invalid bearer token, square/go-jose/jwt: validation failed, token is expired (exp)");
        }
        List<String> audiences = new ArrayList<>();
        claims.path("aud").forEach(a -> {
            if (wanted.contains(a.asText())) {
                audiences.add(a.asText());
            }
        });
        if (audiences.isEmpty()) {
            return refuse(answer, "invalid bearer token, token audiences " + claims.path("aud")
                    + " is invalid for the target audiences " + wanted);
        }
        JsonNode pod = claims.path("kubernetes.io").path("pod");
        String namespace = claims.path("kubernetes.io").path("namespace").asText();
        if (!pod.isMissingNode() && !pod.path("uid").asText().equals(
                podUid.apply(namespace, pod.path("name").asText()))) {
            return refuse(answer, "invalid bearer token, pod \"" + pod.path("name").asText()
                    + "\" not found or has another UID (the token was invalidated)");
        }
        status.put("authenticated", true);
        ObjectNode user = status.putObject("user");
        user.put("username", claims.path("sub").asText());
        user.putArray("groups").add("system:serviceaccounts").add("system:serviceaccounts:" + namespace)
                .add("system:authenticated");
        if (!pod.isMissingNode()) {
            ObjectNode extra = user.putObject("extra");
            extra.putArray("authentication.kubernetes.io/pod-name").add(pod.path("name").asText());
            extra.putArray("authentication.kubernetes.io/pod-uid").add(pod.path("uid").asText());
        }
        ArrayNode granted = status.putArray("audiences");
        audiences.forEach(granted::add);
        return answer;
    }

    private static JsonNode refuse(ObjectNode answer, String error) {
        ((ObjectNode) answer.get("status")).put("authenticated", false).put("error", error);
        return answer;
    }

    /** The claims of a token this authority signed, or null. */
    private static JsonNode verified(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return null;
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
