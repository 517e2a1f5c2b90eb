package io.appmesh.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test API server's strictness, rule by rule, with the real kube-apiserver's answers: every scenario, process test
 * and the sandbox rely on it to refuse what a cluster refuses, so it must not go lenient unnoticed. Requests are sent
 * raw, as the operator's client sends them, so that each test states the exact patch.
 */
class StrictKubeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESHES = "/apis/appmesh.k8s.aws/v1beta2/meshes";
    private static final String NODES = "/apis/appmesh.k8s.aws/v1beta2/namespaces/ns/virtualnodes";
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static LocalKubeApi api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        api = LocalKubeApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    record Answer(int code, JsonNode body) {
    }

    private static Answer send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path));
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        request.method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private static JsonNode mesh(String name) throws Exception {
        Answer created = send("POST", MESHES, "application/json", """
                {"apiVersion":"appmesh.k8s.aws/v1beta2","kind":"Mesh","metadata":{"name":"%s"},
                 "spec":{"awsName":"%s"}}""".formatted(name, name));
        assertThat(created.code()).isEqualTo(201);
        return created.body();
    }

    private static JsonNode get(String path) throws Exception {
        Answer got = send("GET", path, null, null);
        return got.code() == 404 ? null : got.body();
    }

    private static String rv(JsonNode object) {
        return object.at("/metadata/resourceVersion").asText();
    }

    @Test
    void jsonPatchAddUnderAMissingParentIsRefusedTheWholeStatusIsNot() throws Exception {
        JsonNode mesh = mesh("no-status");
        assertThat(mesh.has("status")).isFalse();
        // What the operator once sent for a status-less object: RFC 6902 requires /status to exist.
        Answer refused = send("PATCH", MESHES + "/no-status/status", JSON_PATCH,
                "[{\"op\":\"add\",\"path\":\"/status/meshARN\",\"value\":\"x\"}]");
        assertThat(refused.code()).isEqualTo(422);
        assertThat(get(MESHES + "/no-status")).isEqualTo(mesh);

        Answer patched = send("PATCH", MESHES + "/no-status/status", JSON_PATCH,
                "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"meshARN\":\"x\"}}]");
        assertThat(patched.code()).isEqualTo(200);
        assertThat(get(MESHES + "/no-status").at("/status/meshARN").asText()).isEqualTo("x");
    }

    @Test
    void jsonPatchRemoveOfAMissingIndexOrKeyAndAFailedTestAreRefused() throws Exception {
        JsonNode mesh = mesh("finalized");
        Answer withFinalizer = send("PATCH", MESHES + "/finalized", JSON_PATCH,
                "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"a\"]}]");
        assertThat(withFinalizer.code()).isEqualTo(200);
        JsonNode stored = withFinalizer.body();

        assertThat(send("PATCH", MESHES + "/finalized", JSON_PATCH,
                "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/1\"}]").code()).isEqualTo(422);
        assertThat(send("PATCH", MESHES + "/finalized", JSON_PATCH,
                "[{\"op\":\"remove\",\"path\":\"/metadata/labels\"}]").code()).isEqualTo(422);
        assertThat(send("PATCH", MESHES + "/finalized", JSON_PATCH,
                "[{\"op\":\"test\",\"path\":\"/metadata/finalizers/0\",\"value\":\"b\"},"
                        + "{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]")
                .code()).isEqualTo(422);
        assertThat(get(MESHES + "/finalized")).isEqualTo(stored);

        Answer tested = send("PATCH", MESHES + "/finalized", JSON_PATCH,
                "[{\"op\":\"test\",\"path\":\"/metadata/finalizers/0\",\"value\":\"a\"},"
                        + "{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]");
        assertThat(tested.code()).isEqualTo(200);
        assertThat(tested.body().at("/metadata/finalizers").isEmpty()).isTrue();
        assertThat(rv(mesh)).isNotEqualTo(rv(tested.body()));
    }

    @Test
    void mergePatchDeletesWithNullAndReplacesArraysStrategicMergeIsRefusedForCustomResources() throws Exception {
        mesh("merged");
        Answer labelled = send("PATCH", MESHES + "/merged", MERGE_PATCH,
                "{\"metadata\":{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"finalizers\":[\"x\",\"y\"]}}");
        assertThat(labelled.code()).isEqualTo(200);
        Answer merged = send("PATCH", MESHES + "/merged", MERGE_PATCH,
                "{\"metadata\":{\"labels\":{\"a\":null},\"finalizers\":[\"y\"]}}");
        assertThat(merged.code()).isEqualTo(200);
        assertThat(merged.body().at("/metadata/labels").toString()).isEqualTo("{\"b\":\"2\"}");
        assertThat(merged.body().at("/metadata/finalizers").toString()).isEqualTo("[\"y\"]");

        Answer strategic = send("PATCH", MESHES + "/merged", "application/strategic-merge-patch+json",
                "{\"metadata\":{\"labels\":{\"c\":\"3\"}}}");
        assertThat(strategic.code()).isEqualTo(415);
        assertThat(send("PATCH", MESHES + "/merged", "application/apply-patch+yaml", "{}").code()).isEqualTo(415);
    }

    @Test
    void theStatusSubresourceSeparatesStatusFromEverythingElse() throws Exception {
        Answer created = send("POST", MESHES, "application/json", """
                {"apiVersion":"appmesh.k8s.aws/v1beta2","kind":"Mesh","metadata":{"name":"sub"},
                 "spec":{"awsName":"sub"},"status":{"meshARN":"made-up"}}""");
        assertThat(created.body().has("status")).as("create drops status").isFalse();

        Answer statusWrite = send("PATCH", MESHES + "/sub/status", MERGE_PATCH,
                "{\"spec\":{\"awsName\":\"other\"},\"metadata\":{\"labels\":{\"x\":\"y\"}},\"status\":{\"meshARN\":\"a\"}}");
        assertThat(statusWrite.code()).isEqualTo(200);
        assertThat(statusWrite.body().at("/spec/awsName").asText()).isEqualTo("sub");
        assertThat(statusWrite.body().at("/metadata/labels").isMissingNode()).isTrue();
        assertThat(statusWrite.body().at("/status/meshARN").asText()).isEqualTo("a");

        Answer mainWrite = send("PATCH", MESHES + "/sub", MERGE_PATCH, "{\"status\":{\"meshARN\":\"b\"}}");
        assertThat(mainWrite.code()).isEqualTo(200);
        assertThat(get(MESHES + "/sub").at("/status/meshARN").asText()).isEqualTo("a");

        JsonNode current = get(MESHES + "/sub");
        ((com.fasterxml.jackson.databind.node.ObjectNode) current.get("status")).put("meshARN", "c");
        Answer put = send("PUT", MESHES + "/sub/status", "application/json", current.toString());
        assertThat(put.code()).isEqualTo(200);
        assertThat(get(MESHES + "/sub").at("/status/meshARN").asText()).isEqualTo("c");
    }

    @Test
    void aStaleResourceVersionIsAConflictAndAnUpdateWithoutOneIsInvalid() throws Exception {
        JsonNode mesh = mesh("versions");
        String stale = rv(mesh);
        send("PATCH", MESHES + "/versions", MERGE_PATCH, "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}");

        Answer stalePut = send("PUT", MESHES + "/versions", "application/json", mesh.toString());
        assertThat(stalePut.code()).isEqualTo(409);
        assertThat(stalePut.body().path("reason").asText()).isEqualTo("Conflict");
        Answer stalePatch = send("PATCH", MESHES + "/versions", JSON_PATCH,
                "[{\"op\":\"add\",\"path\":\"/metadata/resourceVersion\",\"value\":\"" + stale + "\"},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"f\"]}]");
        assertThat(stalePatch.code()).isEqualTo(409);
        Answer staleMerge = send("PATCH", MESHES + "/versions/status", MERGE_PATCH,
                "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"status\":{\"meshARN\":\"x\"}}");
        assertThat(staleMerge.code()).isEqualTo(409);

        ((com.fasterxml.jackson.databind.node.ObjectNode) mesh.get("metadata")).remove("resourceVersion");
        assertThat(send("PUT", MESHES + "/versions", "application/json", mesh.toString()).code()).isEqualTo(422);
        assertThat(get(MESHES + "/versions").at("/metadata/finalizers").isMissingNode()).isTrue();
    }

    @Test
    void generationGrowsOnlyWithTheSpecAndANoOpWriteKeepsTheVersion() throws Exception {
        JsonNode mesh = mesh("generations");
        assertThat(mesh.at("/metadata/generation").asLong()).isEqualTo(1);
        Answer labelled = send("PATCH", MESHES + "/generations", MERGE_PATCH, "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}");
        Answer status = send("PATCH", MESHES + "/generations/status", MERGE_PATCH, "{\"status\":{\"meshARN\":\"x\"}}");
        assertThat(status.body().at("/metadata/generation").asLong()).isEqualTo(1);
        assertThat(rv(status.body())).isNotEqualTo(rv(labelled.body()));

        Answer noOp = send("PATCH", MESHES + "/generations", MERGE_PATCH, "{\"metadata\":{\"labels\":{\"a\":\"1\"}}}");
        assertThat(rv(noOp.body())).isEqualTo(rv(status.body()));

        Answer spec = send("PATCH", MESHES + "/generations", MERGE_PATCH,
                "{\"spec\":{\"egressFilter\":{\"type\":\"ALLOW_ALL\"}}}");
        assertThat(spec.body().at("/metadata/generation").asLong()).isEqualTo(2);
    }

    @Test
    void deletionWaitsForTheLastFinalizerAndAcceptsNoNewOnes() throws Exception {
        mesh("deleted");
        send("PATCH", MESHES + "/deleted", MERGE_PATCH, "{\"metadata\":{\"finalizers\":[\"a\",\"b\"]}}");
        send("DELETE", MESHES + "/deleted", null, null);
        JsonNode deleting = get(MESHES + "/deleted");
        assertThat(deleting.at("/metadata/deletionTimestamp").isTextual()).isTrue();

        Answer added = send("PATCH", MESHES + "/deleted", MERGE_PATCH, "{\"metadata\":{\"finalizers\":[\"a\",\"b\",\"c\"]}}");
        assertThat(added.code()).isEqualTo(422);
        assertThat(added.body().path("message").asText()).contains("no new finalizers can be added");
        Answer cleared = send("PATCH", MESHES + "/deleted", MERGE_PATCH, "{\"metadata\":{\"deletionTimestamp\":null}}");
        assertThat(cleared.body().at("/metadata/deletionTimestamp").isTextual()).as("deletionTimestamp is kept").isTrue();

        send("PATCH", MESHES + "/deleted", MERGE_PATCH, "{\"metadata\":{\"finalizers\":[\"b\"]}}");
        assertThat(get(MESHES + "/deleted")).isNotNull();
        send("PATCH", MESHES + "/deleted", JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]");
        assertThat(get(MESHES + "/deleted")).isNull();
    }

    @Test
    void unknownFieldsArePrunedOrUnderStrictValidationRefused() throws Exception {
        String node = """
                {"apiVersion":"appmesh.k8s.aws/v1beta2","kind":"VirtualNode","metadata":{"name":"%s"},
                 "spec":{"awsName":"n","podSelector":{"matchLabels":{"app":"n"}},"colour":"blue",
                         "listeners":[{"portMapping":{"port":8080,"protocol":"http","weight":3}}]},
                 "extra":{"kept":true}}""";
        Answer strict = send("POST", NODES + "?fieldValidation=Strict", "application/json", node.formatted("strict"));
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.body().path("message").asText()).contains("strict decoding error")
                .contains("unknown field \"spec.colour\"").contains("unknown field \"spec.listeners[0].portMapping.weight\"");
        assertThat(get(NODES + "/strict")).isNull();

        Answer pruned = send("POST", NODES, "application/json", node.formatted("pruned"));
        assertThat(pruned.code()).isEqualTo(201);
        assertThat(pruned.body().at("/spec/colour").isMissingNode()).isTrue();
        assertThat(pruned.body().at("/spec/listeners/0/portMapping").toString())
                .isEqualTo("{\"port\":8080,\"protocol\":\"http\"}");
        assertThat(pruned.body().at("/spec/podSelector/matchLabels/app").asText()).isEqualTo("n");
        // Upstream's CRDs preserve unknown fields at the root (x-kubernetes-preserve-unknown-fields), not below spec.
        assertThat(pruned.body().at("/extra/kept").asBoolean()).isTrue();

        Answer patched = send("PATCH", NODES + "/pruned", MERGE_PATCH, "{\"spec\":{\"shade\":\"dark\"}}");
        assertThat(patched.code()).isEqualTo(200);
        assertThat(patched.body().at("/spec/shade").isMissingNode()).isTrue();
    }

    @Test
    void podStatusIsASubresourceToo() throws Exception {
        Answer pod = send("POST", "/api/v1/namespaces/ns/pods", "application/json", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i"}]},
                 "status":{"podIP":"10.0.0.1"}}""");
        assertThat(pod.body().has("status")).isFalse();
        Answer status = send("PATCH", "/api/v1/namespaces/ns/pods/p/status", MERGE_PATCH,
                "{\"status\":{\"podIP\":\"10.0.0.2\"}}");
        assertThat(status.body().at("/status/podIP").asText()).isEqualTo("10.0.0.2");
        Answer main = send("PATCH", "/api/v1/namespaces/ns/pods/p", "application/strategic-merge-patch+json",
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"status\":{\"podIP\":\"10.0.0.3\"}}");
        assertThat(main.code()).isEqualTo(200);
        assertThat(main.body().at("/status/podIP").asText()).isEqualTo("10.0.0.2");
        assertThat(main.body().at("/metadata/labels/a").asText()).isEqualTo("b");
    }

    @Test
    void discoveryNamesTheCoreVersionAndEveryGroupItHolds() throws Exception {
        // What kubectl reads first (legacy discovery): APIVersions at /api, APIGroupList at /apis.
        JsonNode api = get("/api");
        assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(api.path("versions").toString()).isEqualTo("[\"v1\"]");

        JsonNode apis = get("/apis");
        assertThat(apis.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(apis.path("groups").findValuesAsText("name")).contains("appmesh.k8s.aws", "coordination.k8s.io");
        JsonNode appmesh = get("/apis/appmesh.k8s.aws");
        assertThat(appmesh.path("kind").asText()).isEqualTo("APIGroup");
        assertThat(appmesh.at("/preferredVersion/groupVersion").asText()).isEqualTo("appmesh.k8s.aws/v1beta2");
    }

    @Test
    void discoveryListsTheAppMeshResourcesAsTheirCrdsDeclareThem() throws Exception {
        JsonNode list = get("/apis/appmesh.k8s.aws/v1beta2");

        assertThat(list.path("kind").asText()).isEqualTo("APIResourceList");
        assertThat(list.path("groupVersion").asText()).isEqualTo("appmesh.k8s.aws/v1beta2");
        assertThat(list.path("resources").findValuesAsText("name")).containsExactlyInAnyOrder("meshes", "meshes/status",
                "virtualnodes", "virtualnodes/status", "virtualservices", "virtualservices/status", "virtualrouters",
                "virtualrouters/status", "virtualgateways", "virtualgateways/status", "gatewayroutes",
                "gatewayroutes/status", "backendgroups", "backendgroups/status");
        JsonNode meshes = resource(list, "meshes");
        assertThat(meshes.path("kind").asText()).isEqualTo("Mesh");
        assertThat(meshes.path("singularName").asText()).isEqualTo("mesh");
        assertThat(meshes.path("namespaced").asBoolean()).isFalse();
        assertThat(meshes.has("shortNames")).isFalse(); // upstream's CRDs declare neither short names nor categories
        assertThat(meshes.path("verbs").toString()).contains("\"get\"", "\"list\"", "\"watch\"", "\"create\"");
        assertThat(resource(list, "virtualnodes").path("namespaced").asBoolean()).isTrue();
    }

    @Test
    void discoveryListsTheCoreResourcesTheSandboxUses() throws Exception {
        JsonNode list = get("/api/v1");

        assertThat(list.path("kind").asText()).isEqualTo("APIResourceList");
        assertThat(list.path("groupVersion").asText()).isEqualTo("v1");
        assertThat(list.path("resources").findValuesAsText("name")).contains("namespaces", "pods", "pods/status", "nodes",
                "events");
        assertThat(resource(list, "pods").path("shortNames").toString()).isEqualTo("[\"po\"]");
        assertThat(resource(list, "namespaces").path("namespaced").asBoolean()).isFalse();
        // Objects are still served as before.
        assertThat(send("GET", "/api/v1/namespaces", null, null).body().has("items")).isTrue();
    }

    private static JsonNode resource(JsonNode list, String name) {
        for (JsonNode r : list.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    @Test
    void aTokenReviewAuthenticatesTheAuthoritysTokensForTheirAudienceAndPod() throws Exception {
        Answer pod = send("POST", "/api/v1/namespaces/ns/pods", "application/json", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"front-1","namespace":"ns"},
                 "spec":{"containers":[{"name":"app","image":"app"}]}}""");
        assertThat(pod.code()).isEqualTo(201);
        String uid = pod.body().at("/metadata/uid").asText();
        Instant later = Instant.now().plusSeconds(600);
        String token = TokenAuthority.podToken("ns", "sa", "front-1", uid, "appmesh-xds", later);

        JsonNode ok = review(token, "appmesh-xds");
        assertThat(ok.at("/status/authenticated").asBoolean()).isTrue();
        assertThat(ok.at("/status/user/username").asText()).isEqualTo("system:serviceaccount:ns:sa");
        assertThat(ok.at("/status/user/extra/authentication.kubernetes.io~1pod-name/0").asText()).isEqualTo("front-1");
        assertThat(ok.at("/status/user/extra/authentication.kubernetes.io~1pod-uid/0").asText()).isEqualTo(uid);
        assertThat(ok.at("/status/audiences").toString()).isEqualTo("[\"appmesh-xds\"]");

        // Another audience (none asked: the API server's own), expired, forged, bound to a pod that is not this one.
        assertThat(review(token, null).at("/status/authenticated").asBoolean()).isFalse();
        assertThat(review(token, "other").at("/status/error").asText()).contains("audiences");
        assertThat(review(TokenAuthority.podToken("ns", "sa", "front-1", uid, "appmesh-xds",
                Instant.now().minusSeconds(1)), "appmesh-xds").at("/status/error").asText()).contains("expired");
        assertThat(review(token.substring(0, token.lastIndexOf('.')) + ".AAAA", "appmesh-xds")
                .at("/status/authenticated").asBoolean()).isFalse();
        assertThat(review(TokenAuthority.podToken("ns", "sa", "front-1", "another-uid", "appmesh-xds", later),
                "appmesh-xds").at("/status/authenticated").asBoolean()).isFalse();
        // A token bound to no pod authenticates its service account, with no pod in extra.
        JsonNode unbound = review(TokenAuthority.serviceAccountToken("ns", "sa", "appmesh-xds", later), "appmesh-xds");
        assertThat(unbound.at("/status/authenticated").asBoolean()).isTrue();
        assertThat(unbound.at("/status/user/extra").isMissingNode()).isTrue();

        assertThat(send("DELETE", "/api/v1/namespaces/ns/pods/front-1", null, null).code()).isEqualTo(200);
        assertThat(review(token, "appmesh-xds").at("/status/error").asText()).contains("not found");
    }

    @Test
    void tokenReviewsAreCountedAndMayBeHeldBackLikeARealServersWithTheSameAnswer() throws Exception {
        String token = TokenAuthority.serviceAccountToken("ns", "sa", "appmesh-xds", Instant.now().plusSeconds(600));
        long[] before = api.tokenReviews();
        assertThat(review(token, "appmesh-xds").at("/status/authenticated").asBoolean()).isTrue();
        api.tokenReviewDelay(java.time.Duration.ofMillis(50));
        try {
            // Held back by a timer of the server (the benchmarks' API latency): the answer itself is unchanged.
            JsonNode delayed = review(token, "appmesh-xds");
            assertThat(delayed.at("/status/authenticated").asBoolean()).isTrue();
            assertThat(delayed.at("/status/user/username").asText()).isEqualTo("system:serviceaccount:ns:sa");
        } finally {
            api.tokenReviewDelay(java.time.Duration.ZERO);
        }
        // A refused token is an answered review too; a request that is not a TokenReview is not counted.
        assertThat(review(token, "other").at("/status/authenticated").asBoolean()).isFalse();
        send("GET", "/api/v1/namespaces/ns/pods", null, null);
        long[] after = api.tokenReviews();
        assertThat(after[0] - before[0]).isEqualTo(3);
        assertThat(after[1]).isGreaterThan(before[1]);
    }

    private static JsonNode review(String token, String audience) throws Exception {
        Answer answer = send("POST", "/apis/authentication.k8s.io/v1/tokenreviews", "application/json", """
                {"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","spec":{"token":"%s"%s}}"""
                .formatted(token, audience == null ? "" : ",\"audiences\":[\"" + audience + "\"]"));
        assertThat(answer.code()).isEqualTo(201);
        return answer.body();
    }
}
