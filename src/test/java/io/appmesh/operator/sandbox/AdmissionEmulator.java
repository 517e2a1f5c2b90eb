package io.appmesh.operator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Does for the sandbox what the API server does before it stores an App Mesh object: sends it to the operator's
 * mutating webhook, applies the returned JSON patch, sends the result to the validating webhook. The fabric8 test
 * server has no admission chain of its own.
 */
public final class AdmissionEmulator {

    /** The object as it would be stored, or the reason it was refused. */
    public record Verdict(JsonNode object, String denial) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http;
    private final URI webhooks;

    public AdmissionEmulator(URI webhooks) {
        this.webhooks = webhooks;
        this.http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Verdict admit(JsonNode object) throws IOException, InterruptedException {
        if ("Pod".equals(object.path("kind").asText())) {
            return admitPod(object);
        }
        return admit(object, null);
    }

    /**
     * An App Mesh object through both webhooks: a CREATE without {@code oldObject}, else an UPDATE of the stored
     * {@code oldObject} (the validators check immutable fields against it).
     */
    public Verdict admit(JsonNode object, JsonNode oldObject) throws IOException, InterruptedException {
        String kind = object.path("kind").asText().toLowerCase(Locale.ROOT);
        JsonNode mutate = call("mutate", kind, object, oldObject);
        if (!mutate.path("allowed").asBoolean()) {
            return new Verdict(null, mutate.at("/status/message").asText());
        }
        JsonNode admitted = object;
        if (mutate.has("patch")) {
            JsonNode patch = mapper.readTree(Base64.getDecoder().decode(mutate.get("patch").asText()));
            admitted = JsonPatch.apply(patch, object);
        }
        JsonNode validate = call("validate", kind, admitted, oldObject);
        if (!validate.path("allowed").asBoolean()) {
            return new Verdict(null, validate.at("/status/message").asText());
        }
        return new Verdict(admitted, null);
    }

    /** Pods only go through sidecar injection. */
    private Verdict admitPod(JsonNode pod) throws IOException, InterruptedException {
        JsonNode mutate = send(webhooks.resolve("/mutate-v1-pod"), pod);
        if (!mutate.path("allowed").asBoolean()) {
            return new Verdict(null, mutate.at("/status/message").asText());
        }
        JsonNode admitted = pod;
        if (mutate.has("patch")) {
            admitted = JsonPatch.apply(mapper.readTree(Base64.getDecoder().decode(mutate.get("patch").asText())), pod);
        }
        return new Verdict(admitted, null);
    }

    private JsonNode call(String step, String kind, JsonNode object, JsonNode oldObject)
            throws IOException, InterruptedException {
        return send(webhooks.resolve("/" + step + "-appmesh-k8s-aws-v1beta2-" + kind), object, oldObject);
    }

    private JsonNode send(URI path, JsonNode object) throws IOException, InterruptedException {
        return send(path, object, null);
    }

    private JsonNode send(URI path, JsonNode object, JsonNode oldObject) throws IOException, InterruptedException {
        ObjectNode review = mapper.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", UUID.randomUUID().toString())
                .put("operation", oldObject == null ? "CREATE" : "UPDATE");
        request.put("namespace", object.at("/metadata/namespace").asText(""));
        request.put("name", object.at("/metadata/name").asText(""));
        request.set("object", object);
        if (oldObject != null) {
            request.set("oldObject", oldObject);
        }
        HttpRequest post = HttpRequest.newBuilder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(review.toString(), StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(response.body()).path("response");
    }

    /** The sandbox's webhook certificate is the build's self-signed one. */
    public static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
