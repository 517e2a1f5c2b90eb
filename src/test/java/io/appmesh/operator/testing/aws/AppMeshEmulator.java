package io.appmesh.operator.testing.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An in-memory App Mesh API (REST-JSON, {@code /v20190125}) for all seven kinds — meshes, virtual nodes, services,
 * routers, routes, gateways and gateway routes — following the AWS App Mesh API reference: the request paths and
 * shapes the SDK sends, {@code x-amzn-ErrorType} errors ({@code NotFoundException} 404, {@code ConflictException} 409
 * for a taken name under another client token, {@code ResourceInUseException} 409 when children or providers still
 * refer to the object, {@code BadRequestException} 400), AWS's defaults ({@code egressFilter DROP_ALL}, a health
 * check's port from its listener), client-token idempotency, and meshes shared by another account
 * ({@link #shareMesh}). Specs are stored as sent: the emulator checks the App Mesh semantics an operator relies on,
 * while moto's own parser cross-checks the specs (see {@link AwsFront}).
 */
public final class AppMeshEmulator {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-west-2";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One App Mesh kind: its path segments, JSON field names and ARN part. */
    record Kind(String name, String collection, String parentSegment, String nameField, String listField) {
        String operation(String verb) {
            return verb + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    static final Kind MESH = new Kind("mesh", "meshes", null, "meshName", "meshes");
    static final List<Kind> KINDS = List.of(MESH,
            new Kind("virtualNode", "virtualNodes", null, "virtualNodeName", "virtualNodes"),
            new Kind("virtualService", "virtualServices", null, "virtualServiceName", "virtualServices"),
            new Kind("virtualRouter", "virtualRouters", null, "virtualRouterName", "virtualRouters"),
            new Kind("virtualGateway", "virtualGateways", null, "virtualGatewayName", "virtualGateways"),
            new Kind("route", "routes", "virtualRouter", "routeName", "routes"),
            new Kind("gatewayRoute", "gatewayRoutes", "virtualGateway", "gatewayRouteName", "gatewayRoutes"));

    /** A parsed request: which kind, in which mesh/parent, which object. */
    record Target(Kind kind, String mesh, String parent, String name) {
    }

    /** An HTTP answer. */
    public record Answer(int status, String errorType, String body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, null, body.toString());
        }

        static Answer error(int status, String type, String message) {
            return new Answer(status, type, JSON.createObjectNode().put("message", message).toString());
        }
    }

    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> updateTokens = new LinkedHashMap<>();
    private Predicate<String> externalMesh = mesh -> false;

    /** Meshes that live elsewhere (moto) but may hold this emulator's objects. */
    public synchronized void acceptMeshes(Predicate<String> externalMesh) {
        this.externalMesh = externalMesh;
    }

    /** Creates a mesh owned by {@code owner} and shared with this account. */
    public synchronized void shareMesh(String name, String owner) {
        ObjectNode data = data(MESH, name, name, null, owner, owner, JSON.createObjectNode());
        objects.put(key(MESH, owner, name, null, name), data);
    }

    /** Parses an App Mesh request path; null when the path is not App Mesh's. */
    static Target target(String path) {
        String[] p = path.replaceFirst("^/v20190125/", "").split("/");
        if (!path.startsWith("/v20190125/meshes") || p.length == 0) {
            return null;
        }
        if (p.length <= 2) {
            return new Target(MESH, p.length == 2 ? p[1] : null, null, p.length == 2 ? p[1] : null);
        }
        if (p.length >= 5 && (p[2].equals("virtualRouter") || p[2].equals("virtualGateway"))) {
            Kind kind = p[2].equals("virtualRouter") ? KINDS.get(5) : KINDS.get(6);
            return new Target(kind, p[1], p[3], p.length > 5 ? p[5] : null);
        }
        for (Kind kind : KINDS) {
            if (kind.collection().equals(p[2])) {
                return new Target(kind, p[1], null, p.length > 3 ? p[3] : null);
            }
        }
        return null;
    }

    /** The operation name the SDK calls for a request, e.g. {@code CreateVirtualNode}. */
    static String operation(String method, Target t) {
        if (t.name() == null || (t.kind() == MESH && method.equals("PUT") && t.mesh() == null)) {
            return method.equals("PUT")
                    ? t.kind().operation("Create")
                    : "List" + Character.toUpperCase(t.kind().collection().charAt(0)) + t.kind().collection().substring(1);
        }
        return switch (method) {
            case "GET" -> t.kind().operation("Describe");
            case "PUT" -> t.kind().operation("Update");
            case "DELETE" -> t.kind().operation("Delete");
            default -> method;
        };
    }

    public synchronized Answer handle(String method, String path, Map<String, String> query, String body) {
        Target t = target(path);
        if (t == null) {
            return Answer.error(404, "NotFoundException", "unknown path " + path);
        }
        String owner = query.getOrDefault("meshOwner", ACCOUNT);
        try {
            ObjectNode request = body == null || body.isBlank()
                    ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(body);
            if (t.kind() != MESH && !meshExists(owner, t.mesh())) {
                return Answer.error(404, "NotFoundException", "mesh " + t.mesh() + " not found");
            }
            if (t.parent() != null) {
                Kind parentKind = t.kind().name().equals("route") ? KINDS.get(3) : KINDS.get(4);
                if (!objects.containsKey(key(parentKind, owner, t.mesh(), null, t.parent()))) {
                    return Answer.error(404, "NotFoundException", parentKind.name() + " " + t.parent() + " not found");
                }
            }
            return dispatch(method, t, owner, request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            return Answer.error(400, "BadRequestException", "malformed request body");
        }
    }

    private Answer dispatch(String method, Target t, String owner, ObjectNode request) {
        String operation = operation(method, t);
        if (operation.startsWith("List")) {
            var list = JSON.createObjectNode();
            var items = list.putArray(t.kind().listField());
            String prefix = key(t.kind(), owner, t.mesh(), t.parent(), "");
            objects.forEach((k, v) -> {
                if (k.startsWith(prefix) || (t.kind() == MESH && k.startsWith("mesh|"))) {
                    ObjectNode ref = items.addObject();
                    v.fields().forEachRemaining(e -> {
                        if (e.getKey().endsWith("Name")) {
                            ref.set(e.getKey(), e.getValue());
                        }
                    });
                    v.path("metadata").fields().forEachRemaining(e -> ref.set(e.getKey(), e.getValue()));
                    ref.remove("uid");
                }
            });
            return Answer.ok(list);
        }
        String name = operation.startsWith("Create") ? request.path(t.kind().nameField()).asText(null) : t.name();
        String meshName = t.kind() == MESH ? name : t.mesh();
        if (name == null || name.isEmpty()) {
            return Answer.error(400, "BadRequestException", t.kind().nameField() + " is required");
        }
        String key = key(t.kind(), owner, meshName, t.parent(), name);
        ObjectNode existing = objects.get(key);
        if (operation.startsWith("Create")) {
            String token = request.path("clientToken").asText(null);
            if (existing != null) {
                if (token != null && token.equals(tokens.get(key))) {
                    return Answer.ok(existing);
                }
                return Answer.error(409, "ConflictException",
                        t.kind().name() + " with name " + name + " already exists");
            }
            if (!request.has("spec") && t.kind() != MESH) {
                return Answer.error(400, "BadRequestException", "spec is required");
            }
            ObjectNode spec = defaults(t.kind(), request.has("spec")
                    ? (ObjectNode) request.get("spec")
                    : JSON.createObjectNode());
            String problem = check(t, owner, spec);
            if (problem != null) {
                return Answer.error(404, "NotFoundException", problem);
            }
            ObjectNode data = data(t.kind(), meshName, name, t.parent(), owner, ACCOUNT, spec);
            objects.put(key, data);
            if (token != null) {
                tokens.put(key, token);
            }
            return Answer.ok(data);
        }
        if (existing == null) {
            return Answer.error(404, "NotFoundException", t.kind().name() + " " + name + " not found");
        }
        if (operation.startsWith("Describe")) {
            return Answer.ok(existing);
        }
        if (operation.startsWith("Update")) {
            if (!ACCOUNT.equals(existing.path("metadata").path("resourceOwner").asText())) {
                return Answer.error(403, "ForbiddenException", "not the owner of " + name);
            }
            // Idempotency as AWS keeps it: a client token names one request; the same token again with the same body
            // is answered with the object as it is, with another body it is a conflict.
            String token = request.path("clientToken").asText(null);
            if (token != null) {
                String seen = updateTokens.putIfAbsent(key + "#" + token, request.path("spec").toString());
                if (seen != null && !seen.equals(request.path("spec").toString())) {
                    return Answer.error(409, "ConflictException",
                            "clientToken " + token + " was already used with different parameters");
                }
                if (seen != null) {
                    return Answer.ok(existing);
                }
            }
            ObjectNode spec = defaults(t.kind(), request.has("spec")
                    ? (ObjectNode) request.get("spec")
                    : JSON.createObjectNode());
            String problem = check(t, owner, spec);
            if (problem != null) {
                return Answer.error(404, "NotFoundException", problem);
            }
            existing.set("spec", spec);
            ObjectNode metadata = (ObjectNode) existing.get("metadata");
            metadata.put("version", metadata.path("version").asLong() + 1);
            metadata.put("lastUpdatedAt", now());
            return Answer.ok(existing);
        }
        // Delete
        if (!ACCOUNT.equals(existing.path("metadata").path("resourceOwner").asText())) {
            return Answer.error(403, "ForbiddenException", "not the owner of " + name);
        }
        String inUse = inUse(t, owner, meshName, name);
        if (inUse != null) {
            return Answer.error(409, "ResourceInUseException", inUse);
        }
        objects.remove(key);
        tokens.remove(key);
        existing.putObject("status").put("status", "DELETED");
        return Answer.ok(existing);
    }

    /** AWS refuses objects that name a provider or target that does not exist. */
    private String check(Target t, String owner, ObjectNode spec) {
        List<String[]> wanted = new ArrayList<>();
        JsonNode provider = spec.path("provider");
        if (provider.has("virtualNode")) {
            wanted.add(new String[]{"virtualNode", provider.path("virtualNode").path("virtualNodeName").asText()});
        }
        if (provider.has("virtualRouter")) {
            wanted.add(new String[]{"virtualRouter", provider.path("virtualRouter").path("virtualRouterName").asText()});
        }
        for (String type : List.of("httpRoute", "http2Route", "grpcRoute", "tcpRoute")) {
            spec.path(type).path("action").path("weightedTargets")
                    .forEach(w -> wanted.add(new String[]{"virtualNode", w.path("virtualNode").asText()}));
            JsonNode service = spec.path(type).path("action").path("target").path("virtualService");
            if (!service.isMissingNode()) {
                wanted.add(new String[]{"virtualService", service.path("virtualServiceName").asText()});
            }
        }
        for (String[] w : wanted) {
            Kind kind = KINDS.stream().filter(k -> k.name().equals(w[0])).findFirst().orElseThrow();
            if (!objects.containsKey(key(kind, owner, t.mesh(), null, w[1])) && !externalMesh.test(t.mesh())) {
                return w[0] + " " + w[1] + " not found in mesh " + t.mesh();
            }
        }
        return null;
    }

    /** Why an object cannot be deleted yet, or null. */
    private String inUse(Target t, String owner, String meshName, String name) {
        for (String k : objects.keySet()) {
            String[] p = k.split("\\|", -1);
            boolean child = switch (t.kind().name()) {
                case "mesh" -> !p[0].equals("mesh") && p[1].equals(owner) && p[2].equals(name);
                case "virtualRouter" -> p[0].equals("route") && p[2].equals(meshName) && p[3].equals(name);
                case "virtualGateway" -> p[0].equals("gatewayRoute") && p[2].equals(meshName) && p[3].equals(name);
                default -> false;
            };
            if (child) {
                return t.kind().name() + " " + name + " still has child objects (" + p[0] + " " + p[4] + ")";
            }
        }
        if (t.kind().name().equals("virtualNode") || t.kind().name().equals("virtualRouter")) {
            String field = t.kind().name() + "Name";
            for (ObjectNode o : objects.values()) {
                if (o.has("virtualServiceName") && o.path("meshName").asText().equals(meshName)
                        && name.equals(o.path("spec").path("provider").path(t.kind().name()).path(field).asText())) {
                    return t.kind().name() + " " + name + " is the provider of virtualService "
                            + o.path("virtualServiceName").asText();
                }
            }
        }
        return null;
    }

    private boolean meshExists(String owner, String mesh) {
        return objects.containsKey(key(MESH, owner, mesh, null, mesh)) || externalMesh.test(mesh);
    }

    private static ObjectNode defaults(Kind kind, ObjectNode spec) {
        if (kind == MESH && !spec.has("egressFilter")) {
            spec.putObject("egressFilter").put("type", "DROP_ALL");
        }
        for (JsonNode listener : spec.path("listeners")) {
            if (listener.path("healthCheck") instanceof ObjectNode check && !check.has("port")) {
                check.set("port", listener.path("portMapping").path("port"));
            }
        }
        return spec;
    }

    private static ObjectNode data(Kind kind, String mesh, String name, String parent, String meshOwner,
            String resourceOwner, ObjectNode spec) {
        ObjectNode data = JSON.createObjectNode();
        data.put("meshName", mesh);
        if (parent != null) {
            data.put(kind.name().equals("route") ? "virtualRouterName" : "virtualGatewayName", parent);
        }
        if (kind != MESH) {
            data.put(kind.nameField(), name);
        }
        String arn = "arn:aws:appmesh:" + REGION + ":" + meshOwner + ":mesh/" + mesh
                + (kind == MESH
                        ? ""
                        : parent == null
                                ? "/" + kind.name() + "/" + name
                                : "/" + (kind.name().equals("route") ? "virtualRouter/" : "virtualGateway/") + parent + "/"
                                        + kind.name() + "/" + name);
        ObjectNode metadata = data.putObject("metadata");
        metadata.put("arn", arn).put("createdAt", now()).put("lastUpdatedAt", now()).put("meshOwner", meshOwner)
                .put("resourceOwner", resourceOwner).put("uid", UUID.randomUUID().toString()).put("version", 1);
        data.set("spec", spec);
        data.putObject("status").put("status", "ACTIVE");
        return data;
    }

    private static double now() {
        return Instant.now().toEpochMilli() / 1000.0;
    }

    private static String key(Kind kind, String owner, String mesh, String parent, String name) {
        return kind.name() + "|" + owner + "|" + mesh + "|" + (parent == null ? "" : parent) + "|" + name;
    }
}
