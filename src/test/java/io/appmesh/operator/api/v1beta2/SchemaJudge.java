package io.appmesh.operator.api.v1beta2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The structural-schema checks the API server applies to a custom resource (OpenAPI v3 subset used by CRDs): types,
 * enums, bounds, lengths, item counts, required fields, and unknown fields where the schema does not preserve them
 * (what {@code kubectl apply --validate=strict} reports). No API server runs here, so both schemas are judged by this
 * one judge and only their verdicts are compared.
 */
final class SchemaJudge {

    private SchemaJudge() {
    }

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        judge(schema, value, "", out);
        return out;
    }

    private static void judge(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (value == null || value.isNull()) {
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> judgeObject(schema, value, path, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": must be array");
                    return;
                }
                bound(schema, "minItems", "maxItems", value.size(), path, out);
                for (int i = 0; i < value.size(); i++) {
                    judge(schema.get("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": must be string");
                    return;
                }
                bound(schema, "minLength", "maxLength", value.asText().codePointCount(0, value.asText().length()), path, out);
                enumeration(schema, value, path, out);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(path + ": must be integer");
                    return;
                }
                if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                    out.add(path + ": must be >= " + schema.get("minimum").decimalValue().stripTrailingZeros());
                }
                if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                    out.add(path + ": must be <= " + schema.get("maximum").decimalValue().stripTrailingZeros());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": must be boolean");
                }
            }
            default -> {
                // untyped: anything goes
            }
        }
    }

    private static void judgeObject(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (!value.isObject()) {
            out.add(path + ": must be object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + "." + required.asText() + ": required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + "." + e.getKey();
            if (isImplicitRootField(path, e.getKey())) {
                continue;
            }
            if (properties.has(e.getKey())) {
                judge(properties.get(e.getKey()), e.getValue(), child, out);
            } else if (additional != null && additional.isObject()) {
                judge(additional, e.getValue(), child, out);
            } else if (!preserve) {
                out.add(child + ": unknown field");
            }
        }
    }

    /** apiVersion, kind and metadata are validated by the API server itself, whatever the schema declares. */
    private static boolean isImplicitRootField(String path, String key) {
        return path.isEmpty() && (key.equals("apiVersion") || key.equals("kind") || key.equals("metadata"));
    }

    private static void bound(JsonNode schema, String minKey, String maxKey, int size, String path, List<String> out) {
        if (schema.has(minKey) && size < schema.get(minKey).asLong()) {
            out.add(path + ": " + minKey + " " + schema.get(minKey).asLong());
        }
        if (schema.has(maxKey) && size > schema.get(maxKey).asLong()) {
            out.add(path + ": " + maxKey + " " + schema.get(maxKey).asLong());
        }
    }

    private static void enumeration(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (!schema.has("enum")) {
            return;
        }
        for (JsonNode allowed : schema.get("enum")) {
            if (allowed.asText().equals(value.asText())) {
                return;
            }
        }
        out.add(path + ": unsupported value \"" + value.asText() + "\"");
    }

}
