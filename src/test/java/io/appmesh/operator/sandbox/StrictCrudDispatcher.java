package io.appmesh.operator.sandbox;

import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * The fabric8 CRUD test server made as strict as a real kube-apiserver where the operator's writes depend on it. The
 * stock dispatcher creates missing parents before applying a JSON Patch, keeps a main-resource write's status unless it
 * was told about the CRD, ignores strict field validation and never prunes; a real server refuses or drops all of
 * those, and the operator once wrote no status at all on a real cluster while every test passed. Here, for every kind:
 * <ul>
 * <li>JSON Patch (RFC 6902): a missing parent, a missing {@code remove} target or an out-of-range index, a failed
 * {@code test}: 422 and nothing changes. JSON merge patch (RFC 7386: {@code null} deletes, arrays replace). Strategic
 * merge patch: 415 for custom resources (a real server accepts only JSON and merge patches and server-side apply for
 * them); for built-in kinds it is applied as a merge patch (list merge keys are not emulated). Server-side apply: 415
 * (the operator does not use it; a test that did would fail loudly rather than pass on an emulation).</li>
 * <li>Status subresource (App Mesh kinds, and the built-in kinds that have one): a {@code /status} write changes only
 * {@code status}; a main-resource write keeps the stored {@code status}; create drops {@code status}.</li>
 * <li>{@code metadata.resourceVersion}: a stale value in an update or in a patched object is 409 Conflict; an update
 * without one is 422. {@code metadata.generation} (custom resources) grows only when something outside
 * {@code metadata} and {@code status} changed. A write that changes nothing keeps the resourceVersion.</li>
 * <li>Deletion: an object with finalizers gets {@code deletionTimestamp} and stays until the last finalizer goes; no
 * finalizer may be added once deletion started (422); uid, creationTimestamp and deletionTimestamp cannot be
 * changed.</li>
 * <li>Unknown fields of App Mesh objects are pruned on every write, or refused with 400 under
 * {@code ?fieldValidation=Strict} (what kubectl sends).</li>
 * </ul>
 * It also serves the discovery documents ({@link Discovery}), so that kubectl can be pointed at it.
 * Every rule is tested in {@code StrictKubeApiTest}. Reads, watches and deletes are the stock dispatcher's; all writes run
 * under one write lock, so a reader never sees an object half replaced.
 */
final class StrictCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final Set<String> BUILT_IN_STATUS = Set.of("pods", "namespaces", "services", "nodes", "deployments",
            "replicasets", "statefulsets", "daemonsets", "jobs", "persistentvolumeclaims");
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final CrdSchemas crds = new CrdSchemas();
    private final Discovery discovery = new Discovery(crds);
    private volatile boolean unavailable;
    /** TokenReviews answered, and the time spent answering them (the benchmarks report both). */
    private final java.util.concurrent.atomic.AtomicLong tokenReviews = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong tokenReviewNanos = new java.util.concurrent.atomic.AtomicLong();
    /** How long a TokenReview's answer is held back: a real API server's latency (a timer, not a blocked thread). */
    private volatile java.time.Duration tokenReviewDelay = java.time.Duration.ZERO;

    /** While set, every request is answered 503, as by an API server that is starting or overloaded. */
    void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (unavailable) {
            return new Refused(503, "ServiceUnavailable", "the server is currently unable to handle the request")
                    .response();
        }
        return super.dispatch(request);
    }

    /** A refusal with the real server's code and Status reason. */
    static final class Refused extends Exception {
        final int code;
        final String reason;

        Refused(int code, String reason, String message) {
            super(message);
            this.code = code;
            this.reason = reason;
        }

        MockResponse response() {
            ObjectNode status = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Status")
                    .put("status", "Failure").put("message", getMessage()).put("reason", reason).put("code", code);
            status.putObject("metadata");
            return new MockResponse().setResponseCode(code).setBody(status.toString());
        }
    }

    @FunctionalInterface
    private interface Write {
        MockResponse run() throws Refused;
    }

    @Override
    public MockResponse handleGet(String path) {
        var document = discovery.answer(path);
        if (document.isPresent()) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(document.get());
        }
        return locked(false, () -> super.handleGet(path));
    }

    @Override
    public MockResponse handleDelete(String path) {
        return locked(true, () -> super.handleDelete(path));
    }

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        ApiPath path = ApiPath.parse(request.getPath());
        if (path.plural().equals("selfsubjectrulesreviews")) {
            return selfSubjectRulesReview();
        }
        if (path.plural().equals("tokenreviews")) {
            return tokenReview(request);
        }
        return write(() -> create(request.getPath(), path, body(request)));
    }

    @Override
    public MockResponse handleUpdate(RecordedRequest request) {
        ApiPath path = ApiPath.parse(request.getPath());
        return write(() -> {
            Map.Entry<AttributeSet, String> current = current(request.getPath());
            JsonNode updated = body(request);
            if (updated.at("/metadata/resourceVersion").asText().isEmpty()) {
                throw new Refused(422, "Invalid", kindOf(updated) + " \"" + path.name()
                        + "\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
            }
            return store(request.getPath(), path, current, updated);
        });
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        ApiPath path = ApiPath.parse(request.getPath());
        return write(() -> {
            Map.Entry<AttributeSet, String> current = current(request.getPath());
            JsonNode stored = read(current.getValue());
            String type = mediaType(request.getHeader("Content-Type"));
            JsonNode patch = body(request);
            JsonNode patched = switch (type) {
                case JSON_PATCH -> jsonPatch(stored, patch);
                case MERGE_PATCH -> mergePatch(stored, patch);
                case STRATEGIC_MERGE_PATCH -> {
                    if (crds.isCustomResource(path)) {
                        throw new Refused(415, "UnsupportedMediaType", "the body of the request was in an unknown format -"
                                + " accepted media types include: application/json-patch+json,"
                                + " application/merge-patch+json, application/apply-patch+yaml");
                    }
                    yield mergePatch(stored, patch);
                }
                default -> throw new Refused(415, "UnsupportedMediaType",
                        "the test API server does not emulate " + type + " patches");
            };
            return store(request.getPath(), path, current, patched);
        });
    }

    private MockResponse write(Write write) {
        return locked(true, () -> {
            try {
                return write.run();
            } catch (Refused e) {
                return e.response();
            }
        });
    }

    private MockResponse locked(boolean exclusive, Supplier<MockResponse> action) {
        var l = exclusive ? lock.writeLock() : lock.readLock();
        l.lock();
        try {
            return action.get();
        } finally {
            l.unlock();
        }
    }

    private MockResponse create(String rawPath, ApiPath path, JsonNode body) throws Refused {
        if (!(body instanceof ObjectNode object) || !object.path("metadata").isObject()) {
            throw new Refused(400, "BadRequest", "no object in the request body");
        }
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        String name = metadata.path("name").asText();
        if (name.isEmpty()) {
            String prefix = metadata.path("generateName").asText();
            if (prefix.isEmpty()) {
                throw new Refused(422, "Invalid", kindOf(object) + " is invalid: metadata.name: Required value: name or"
                        + " generateName is required");
            }
            name = prefix + UUID.randomUUID().toString().substring(0, 5);
        }
        if (path.namespace() != null && metadata.has("namespace")
                && !metadata.get("namespace").asText().equals(path.namespace())) {
            throw new Refused(400, "BadRequest", "the namespace of the provided object does not match the namespace sent"
                    + " on the request");
        }
        refuseUnknownFields(path, object);
        AttributeSet key = getKey(rawPath).add(new Attribute(KubernetesAttributesExtractor.NAME, name));
        if (findResource(key) != null) {
            throw new Refused(409, "AlreadyExists", path.plural() + " \"" + name + "\" already exists");
        }
        metadata.put("name", name);
        if (path.namespace() != null) {
            metadata.put("namespace", path.namespace());
        }
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", now());
        metadata.put("resourceVersion", String.valueOf(requestResourceVersion()));
        metadata.put("generation", 1);
        metadata.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"));
        if (hasStatusSubresource(path)) {
            object.remove("status");
        }
        crds.prune(path, object);
        String json = object.toString();
        processEvent(rawPath, key, null, null, json);
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_CREATED).setBody(json);
    }

    /** Update and patch alike: the full object the client asked for, judged and stored as a real server would. */
    private MockResponse store(String rawPath, ApiPath path, Map.Entry<AttributeSet, String> entry, JsonNode requested)
            throws Refused {
        JsonNode current = read(entry.getValue());
        if (!(requested instanceof ObjectNode asked) || !asked.path("metadata").isObject()) {
            throw new Refused(400, "BadRequest", "no object in the request body");
        }
        String name = asked.at("/metadata/name").asText();
        if (!name.isEmpty() && !name.equals(path.name())) {
            throw new Refused(400, "BadRequest",
                    "the name of the object (" + name + ") does not match the name on the URL (" + path.name() + ")");
        }
        String askedVersion = asked.at("/metadata/resourceVersion").asText();
        String currentVersion = current.at("/metadata/resourceVersion").asText();
        if (!askedVersion.isEmpty() && !askedVersion.equals(currentVersion)) {
            throw new Refused(409, "Conflict", "Operation cannot be fulfilled on " + path.plural() + " \"" + path.name()
                    + "\": the object has been modified; please apply your changes to the latest version and try again");
        }
        refuseUnknownFields(path, asked);
        ObjectNode result;
        if (path.status()) {
            // A status write changes the status stanza and nothing else.
            result = (ObjectNode) current.deepCopy();
            setOrRemove(result, "status", asked.get("status"));
        } else {
            result = asked.deepCopy();
            if (hasStatusSubresource(path)) {
                setOrRemove(result, "status", current.get("status"));
            }
            ObjectNode metadata = (ObjectNode) result.get("metadata");
            ObjectNode was = (ObjectNode) current.get("metadata");
            for (String fixed : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
                    "deletionGracePeriodSeconds", "generation")) {
                setOrRemove(metadata, fixed, was.get(fixed));
            }
            List<String> added = new ArrayList<>(strings(metadata.get("finalizers")));
            added.removeAll(strings(was.get("finalizers")));
            if (was.has("deletionTimestamp") && !added.isEmpty()) {
                throw new Refused(422, "Invalid", kindOf(current) + " \"" + path.name()
                        + "\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is"
                        + " being deleted, found new finalizers " + added);
            }
        }
        crds.prune(path, result);
        ((ObjectNode) result.get("metadata")).put("resourceVersion", currentVersion);
        if (result.equals(current)) {
            return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(current.toString());
        }
        if (crds.isCustomResource(path) && !withoutMetadataAndStatus(result).equals(withoutMetadataAndStatus(current))) {
            ((ObjectNode) result.get("metadata")).put("generation", current.at("/metadata/generation").asLong(1) + 1);
        }
        ((ObjectNode) result.get("metadata")).put("resourceVersion", String.valueOf(requestResourceVersion()));
        String json = result.toString();
        boolean gone = result.at("/metadata/deletionTimestamp").isTextual()
                && strings(result.at("/metadata/finalizers")).isEmpty();
        processEvent(rawPath, getKey(rawPath), entry.getKey(), null, gone ? null : json);
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(json);
    }

    private Map.Entry<AttributeSet, String> current(String rawPath) throws Refused {
        ApiPath path = ApiPath.parse(rawPath);
        Map.Entry<AttributeSet, String> entry = findResource(getKey(rawPath));
        if (entry == null) {
            throw new Refused(404, "NotFound", path.plural() + " \"" + path.name() + "\" not found");
        }
        return entry;
    }

    private void refuseUnknownFields(ApiPath path, JsonNode object) throws Refused {
        if (!path.fieldValidation().equalsIgnoreCase("Strict")) {
            return;
        }
        List<String> unknown = crds.unknownFields(path, object);
        if (!unknown.isEmpty()) {
            throw new Refused(400, "BadRequest", kindOf(object) + " in version \"" + path.version()
                    + "\" cannot be handled as a " + kindOf(object) + ": strict decoding error: "
                    + String.join(", ", unknown.stream().map(f -> "unknown field \"" + f + "\"").toList()));
        }
    }

    private boolean hasStatusSubresource(ApiPath path) {
        return crds.hasStatusSubresource(path) || (path.group().isEmpty() || path.group().equals("apps")
                || path.group().equals("batch")) && BUILT_IN_STATUS.contains(path.plural());
    }

    /** RFC 6902, one operation at a time so that a {@code remove} of something absent is refused as RFC 6902 asks. */
    static JsonNode jsonPatch(JsonNode target, JsonNode patch) throws Refused {
        if (!patch.isArray()) {
            throw new Refused(400, "BadRequest", "a JSON Patch is an array of operations");
        }
        JsonNode result = target.deepCopy();
        for (JsonNode operation : patch) {
            String op = operation.path("op").asText();
            String at = operation.path("path").asText();
            if (op.equals("remove") && result.at(JsonPointer.compile(at)).isMissingNode()) {
                throw new Refused(422, "Invalid", "the server rejected our request due to an error in our request:"
                        + " unable to remove nonexistent key at " + at);
            }
            try {
                result = JsonPatch.apply(JSON.createArrayNode().add(operation), result);
            } catch (RuntimeException e) {
                throw new Refused(422, "Invalid",
                        "the server rejected our request due to an error in our request: " + e.getMessage());
            }
        }
        return result;
    }

    /** RFC 7386. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static JsonNode withoutMetadataAndStatus(JsonNode object) {
        ObjectNode copy = (ObjectNode) object.deepCopy();
        copy.remove(List.of("metadata", "status"));
        return copy;
    }

    private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            object.remove(field);
        } else {
            object.set(field, value.deepCopy());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array instanceof ArrayNode a) {
            a.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static JsonNode body(RecordedRequest request) throws Refused {
        return read(request.getBody().readUtf8());
    }

    private static JsonNode read(String json) throws Refused {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new Refused(400, "BadRequest", "the request body is not JSON: " + e.getMessage());
        }
    }

    private static String kindOf(JsonNode object) {
        return object.path("kind").asText("object");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return JSON_PATCH;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    private static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_INSTANT);
    }

    /**
     * CRUD storage would file a SelfSubjectRulesReview away and return it without a status. The operator's leader
     * election asks one before taking the Lease; a real API server evaluates RBAC. Here every identity is allowed
     * everything (the generated Role grants the operator what that check looks for: get, create and update of Leases;
     * RbacPackageIT).
     */
    /** A TokenReview answered by the {@link TokenAuthority}, which checks a bound token's pod against the store. */
    private MockResponse tokenReview(RecordedRequest request) {
        long start = System.nanoTime();
        try {
            JsonNode review = body(request);
            JsonNode answer = TokenAuthority.review(review, this::podUid, java.time.Instant.now());
            tokenReviews.incrementAndGet();
            tokenReviewNanos.addAndGet(System.nanoTime() - start);
            MockResponse response = new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                    .setBody(answer.toString());
            // The server dispatches on one event loop: the delay is the test server's timer, so reviews overlap.
            return tokenReviewDelay.isZero() ? response : response.setBodyDelay(tokenReviewDelay);
        } catch (Refused e) {
            return e.response();
        }
    }

    void tokenReviewDelay(java.time.Duration delay) {
        tokenReviewDelay = delay;
    }

    /** TokenReviews answered so far and the nanoseconds spent answering them (body read to answer built). */
    long[] tokenReviews() {
        return new long[]{tokenReviews.get(), tokenReviewNanos.get()};
    }

    /** The UID of a stored pod, or null. */
    private String podUid(String namespace, String name) {
        lock.readLock().lock();
        try {
            Map.Entry<AttributeSet, String> pod = findResource(
                    getKey("/api/v1/namespaces/" + namespace + "/pods/" + name));
            return pod == null ? null : read(pod.getValue()).at("/metadata/uid").asText(null);
        } catch (Refused e) {
            return null;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static MockResponse selfSubjectRulesReview() {
        return new MockResponse().setResponseCode(201).setBody("""
                {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{},
                 "status":{"incomplete":false,"nonResourceRules":[],
                           "resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}""");
    }
}
