package io.appmesh.operator.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The App Mesh CRDs as an API server holds them: which kinds have a status subresource, and the structural schema that
 * prunes unknown fields. The schemas are upstream's ({@code src/test/resources/upstream-crds}): they are always on the
 * test classpath (the generated ones exist only after a Quarkus build), and {@code CrdContractTest} proves that the
 * generated CRDs agree with them on every schema path, preserve-unknown-fields included.
 */
final class CrdSchemas {

    static final String GROUP = "appmesh.k8s.aws";
    private static final List<String> PLURALS = List.of("meshes", "virtualnodes", "virtualservices", "virtualrouters",
            "virtualgateways", "gatewayroutes", "backendgroups");
    /** Fields every object keeps whatever its schema says: the API server handles them itself. */
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private record Crd(JsonNode schema, boolean statusSubresource) {
    }

    private final Map<String, Crd> byPlural = new HashMap<>();
    private final List<JsonNode> definitions = new ArrayList<>();

    CrdSchemas() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String plural : PLURALS) {
            String resource = "upstream-crds/" + GROUP + "_" + plural + ".yaml";
            try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + resource);
                }
                JsonNode crd = yaml.readTree(in);
                definitions.add(crd);
                for (JsonNode version : crd.at("/spec/versions")) {
                    if (version.path("storage").asBoolean()) {
                        byPlural.put(plural, new Crd(version.at("/schema/openAPIV3Schema"),
                                version.path("subresources").has("status")));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The seven CustomResourceDefinitions, as upstream ships them. */
    List<JsonNode> definitions() {
        return definitions;
    }

    boolean isCustomResource(ApiPath path) {
        return GROUP.equals(path.group()) && byPlural.containsKey(path.plural());
    }

    boolean hasStatusSubresource(ApiPath path) {
        return isCustomResource(path) && byPlural.get(path.plural()).statusSubresource();
    }

    /** The dotted paths of the fields the schema does not know, as a real server names them under strict validation. */
    List<String> unknownFields(ApiPath path, JsonNode object) {
        List<String> unknown = new ArrayList<>();
        if (isCustomResource(path)) {
            prune(object.deepCopy(), byPlural.get(path.plural()).schema(), "", unknown, true);
        }
        return unknown;
    }

    /** Removes, in place, the fields the schema does not know (structural pruning). */
    void prune(ApiPath path, JsonNode object) {
        if (isCustomResource(path)) {
            prune(object, byPlural.get(path.plural()).schema(), "", new ArrayList<>(), true);
        }
    }

    private static void prune(JsonNode node, JsonNode schema, String at, List<String> unknown, boolean root) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                String fieldPath = at.isEmpty() ? name : at + "." + name;
                if (root && ROOT_FIELDS.contains(name)) {
                    continue;
                }
                if (properties.has(name)) {
                    prune(field.getValue(), properties.get(name), fieldPath, unknown, false);
                } else if (additional.isObject()) {
                    prune(field.getValue(), additional, fieldPath, unknown, false);
                } else if (!(additional.asBoolean(false) || preserve)) {
                    unknown.add(fieldPath);
                    it.remove();
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                prune(array.get(i), schema.path("items"), at + "[" + i + "]", unknown, false);
            }
        }
    }
}
