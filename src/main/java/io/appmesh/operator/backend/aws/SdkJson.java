package io.appmesh.operator.backend.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Converts between JSON trees and AWS SDK v2 model objects through the SDK's own field metadata
 * ({@link SdkPojo#sdkFields()}): the same table the SDK's JSON protocol uses, so no reflection is involved (native-image
 * friendly) and every App Mesh shape is covered without a hand-written mapper per type.
 * <p>
 * Reading is strict: a key the SDK shape does not have is an error, so a CRD field the App Mesh API does not know is
 * caught by the tests instead of being dropped silently. Keys match case-insensitively because the CRDs spell
 * {@code certificateARN} where the API spells {@code certificateArn}.
 * <p>
 * Writing is canonical, for comparisons: absent values, empty lists and empty maps are left out (upstream compares with
 * go-cmp's {@code EquateEmpty}), and every integral number is written as a long.
 */
public final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** Fills {@code builder} (an SDK model builder) from {@code node} and builds it. */
    @SuppressWarnings("unchecked")
    public static <T> T read(JsonNode node, SdkPojo builder) {
        fill(builder, node, "");
        return (T) ((Buildable) builder).build();
    }

    /** The canonical tree of an SDK model object (see the class comment). */
    public static ObjectNode write(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = toNode(field, field.getValueOrDefault(pojo));
            if (value != null) {
                out.set(field.locationName(), value);
            }
        }
        return out;
    }

    private static void fill(SdkPojo builder, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + ": expected an object");
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> field : builder.sdkFields()) {
            fields.put(field.locationName().toLowerCase(java.util.Locale.ROOT), field);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                continue;
            }
            SdkField<?> field = fields.get(entry.getKey().toLowerCase(java.util.Locale.ROOT));
            String fieldPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            if (field == null) {
                throw new IllegalArgumentException(fieldPath + ": not a field of the App Mesh API");
            }
            field.set(builder, fromNode(field, entry.getValue(), fieldPath));
        }
    }

    private static Object fromNode(SdkField<?> field, JsonNode node, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, node, path);
            return ((Buildable) nested).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (JsonNode element : node) {
                list.add(fromNode(member, element, path + "[" + i++ + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), fromNode(value, e.getValue(), path + "." + e.getKey())));
            return map;
        }
        if (type == MarshallingType.STRING) {
            return node.asText();
        }
        if (type == MarshallingType.INTEGER) {
            return node.asInt();
        }
        if (type == MarshallingType.LONG) {
            return node.asLong();
        }
        if (type == MarshallingType.BOOLEAN) {
            return node.asBoolean();
        }
        if (type == MarshallingType.DOUBLE) {
            return node.asDouble();
        }
        throw new IllegalArgumentException(path + ": unsupported field type " + type);
    }

    private static JsonNode toNode(SdkField<?> field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return write(pojo);
        }
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                return null;
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            collection.forEach(element -> {
                JsonNode node = toNode(member, element);
                array.add(node == null ? NODES.nullNode() : node);
            });
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return null;
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toNode(member, v)));
            return object;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.textNode(value.toString());
    }
}
