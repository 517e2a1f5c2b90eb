package io.appmesh.operator.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API server's discovery documents (legacy discovery, which kubectl falls back to when a server answers plain JSON):
 * {@code /api} (APIVersions), {@code /apis} (APIGroupList), {@code /apis/<group>} (APIGroup), {@code /api/v1} and
 * {@code /apis/<group>/<version>} (APIResourceList). They name the core resources the sandbox uses, Leases, and the App
 * Mesh kinds as their CRDs declare them (names, scope, short names, categories, status subresource), so that
 * {@code kubectl get meshes -A} works against the sandbox. The fabric8 server answers those paths with object lists.
 */
final class Discovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    /** groupVersion → its APIResourceList. */
    private final Map<String, ObjectNode> resourceLists = new LinkedHashMap<>();

    Discovery(CrdSchemas crds) {
        ObjectNode core = resourceList("v1");
        builtIn(core, "namespaces", "Namespace", false, true, "ns");
        builtIn(core, "pods", "Pod", true, true, "po");
        builtIn(core, "nodes", "Node", false, true, "no");
        builtIn(core, "events", "Event", true, false, "ev");
        builtIn(core, "services", "Service", true, true, "svc");
        builtIn(core, "configmaps", "ConfigMap", true, false, "cm");
        builtIn(core, "secrets", "Secret", true, false);
        builtIn(core, "serviceaccounts", "ServiceAccount", true, false, "sa");
        builtIn(resourceList("coordination.k8s.io/v1"), "leases", "Lease", true, false);
        for (JsonNode crd : crds.definitions()) {
            JsonNode names = crd.at("/spec/names");
            for (JsonNode version : crd.at("/spec/versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                ObjectNode list = resourceList(crd.at("/spec/group").asText() + "/" + version.path("name").asText());
                ObjectNode resource = resource(list, names.path("plural").asText(), names.path("kind").asText(),
                        "Namespaced".equals(crd.at("/spec/scope").asText()), VERBS);
                resource.put("singularName", names.path("singular").asText());
                if (names.has("shortNames")) {
                    resource.set("shortNames", names.get("shortNames"));
                }
                if (names.has("categories")) {
                    resource.set("categories", names.get("categories"));
                }
                if (version.path("subresources").has("status")) {
                    resource(list, names.path("plural").asText() + "/status", names.path("kind").asText(),
                            resource.path("namespaced").asBoolean(), STATUS_VERBS);
                }
            }
        }
    }

    /** The discovery document at {@code path} (query string ignored), or empty when the path is not a discovery path. */
    Optional<String> answer(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/api")) {
            ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs");
            return Optional.of(versions.toString());
        }
        if (p.equals("/apis")) {
            ObjectNode groups = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
            ArrayNode array = groups.putArray("groups");
            groupNames().forEach(g -> array.add(group(g)));
            return Optional.of(groups.toString());
        }
        if (p.equals("/api/v1")) {
            return Optional.of(resourceLists.get("v1").toString());
        }
        String[] parts = p.split("/");
        // ["", "apis", group] or ["", "apis", group, version]
        if (parts.length == 3 && parts[1].equals("apis") && groupNames().contains(parts[2])) {
            return Optional.of(group(parts[2]).put("apiVersion", "v1").toString());
        }
        if (parts.length == 4 && parts[1].equals("apis") && resourceLists.containsKey(parts[2] + "/" + parts[3])) {
            return Optional.of(resourceLists.get(parts[2] + "/" + parts[3]).toString());
        }
        return Optional.empty();
    }

    private List<String> groupNames() {
        return resourceLists.keySet().stream().filter(gv -> gv.contains("/")).map(gv -> gv.substring(0, gv.indexOf('/')))
                .distinct().toList();
    }

    private ObjectNode group(String name) {
        ObjectNode group = JSON.createObjectNode().put("kind", "APIGroup").put("name", name);
        ArrayNode versions = group.putArray("versions");
        resourceLists.keySet().stream().filter(gv -> gv.startsWith(name + "/")).forEach(gv -> versions
                .addObject().put("groupVersion", gv).put("version", gv.substring(name.length() + 1)));
        group.set("preferredVersion", versions.get(0));
        return group;
    }

    private ObjectNode resourceList(String groupVersion) {
        return resourceLists.computeIfAbsent(groupVersion, gv -> {
            ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                    .put("groupVersion", gv);
            list.putArray("resources");
            return list;
        });
    }

    private static void builtIn(ObjectNode list, String plural, String kind, boolean namespaced, boolean status,
            String... shortNames) {
        ObjectNode resource = resource(list, plural, kind, namespaced, VERBS);
        resource.put("singularName", kind.toLowerCase(java.util.Locale.ROOT));
        if (shortNames.length > 0) {
            ArrayNode names = resource.putArray("shortNames");
            for (String n : shortNames) {
                names.add(n);
            }
        }
        if (status) {
            resource(list, plural + "/status", kind, namespaced, STATUS_VERBS);
        }
    }

    private static ObjectNode resource(ObjectNode list, String name, String kind, boolean namespaced, List<String> verbs) {
        ObjectNode resource = ((ArrayNode) list.get("resources")).addObject().put("name", name).put("singularName", "")
                .put("namespaced", namespaced).put("kind", kind);
        ArrayNode v = resource.putArray("verbs");
        verbs.forEach(v::add);
        return resource;
    }
}
