package io.appmesh.operator.backend.xds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;

import io.envoyproxy.pgv.validate.Validate;
import io.envoyproxy.pgv.validate.Validate.FieldRules;

/**
 * Envoy's own validation rules, read from the {@code (validate.rules)} / {@code (validate.required)} options of the
 * descriptors in the Envoy API jar and enforced on every set field, recursively (inside {@code Any} typed_config
 * too, unpacked through the registry; an unknown type is a violation). Covers the rule kinds Envoy's API uses:
 * message required/skip, oneof required, string lengths/affixes/in/pattern/well-known header regexes, every numeric
 * kind and wrapper (const/lt/lte/gt/gte/in/not_in), enum defined_only/in/not_in, duration and any rules, repeated
 * min/max/unique/items, map min/max/keys/values. It also refuses deprecated fields (Envoy warns, or refuses when
 * deprecated features are off). Not covered (unused by our resources): bytes rules, timestamps, string
 * address/ip/uri/email/uuid forms.
 */
final class PgvChecker {

    private static final Pattern HEADER_NAME = Pattern.compile("^:?[0-9a-zA-Z!#$%&'*+\\-.^_|~`]+$");
    private static final Pattern HEADER_VALUE = Pattern.compile("^[^\u0000-\u0008\n-\u001f\u007f]*$");
    private static final Pattern HEADER_LOOSE = Pattern.compile("^[^\u0000\n\r]*$");

    private final TypeRegistry registry;

    PgvChecker(TypeRegistry registry) {
        this.registry = registry;
    }

    /** The violations of one resource, each as {@code path: rule}; empty when valid. */
    List<String> violations(Message message) {
        List<String> out = new ArrayList<>();
        walk(message, message.getDescriptorForType().getName(), out);
        return out;
    }

    private void walk(Message msg, String path, List<String> out) {
        Descriptor type = msg.getDescriptorForType();
        if (msg instanceof Any || type.getFullName().equals("google.protobuf.Any")) {
            unpack(msg, path, out);
            return;
        }
        if (type.getOptions().getExtension(Validate.disabled) || type.getOptions().getExtension(Validate.ignored)) {
            return;
        }
        for (OneofDescriptor oneof : type.getRealOneofs()) {
            if (oneof.getOptions().getExtension(Validate.required) && !msg.hasOneof(oneof)) {
                out.add(path + "." + oneof.getName() + ": oneof required");
            }
        }
        for (FieldDescriptor field : type.getFields()) {
            String at = path + "." + field.getName();
            FieldRules rules = field.getOptions().hasExtension(Validate.rules)
                    ? field.getOptions().getExtension(Validate.rules)
                    : null;
            if (field.getOptions().getDeprecated() && isSet(msg, field)) {
                out.add(at + ": deprecated field set");
            }
            if (field.isRepeated()) {
                repeated(msg, field, rules, at, out);
            } else if (field.getContainingOneof() != null && !msg.hasField(field)) {
                continue;
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (!msg.hasField(field)) {
                    if (rules != null && (rules.getMessage().getRequired() || rules.getDuration().getRequired()
                            || rules.getAny().getRequired())) {
                        out.add(at + ": required");
                    }
                    continue;
                }
                Message value = (Message) msg.getField(field);
                if (rules != null && rules.getMessage().getSkip()) {
                    continue;
                }
                if (rules != null) {
                    value(value, rules, at, out);
                }
                walk(value, at, out);
            } else if (rules != null && (!field.hasPresence() || msg.hasField(field))) {
                value(msg.getField(field), rules, at, out);
            }
        }
    }

    private static boolean isSet(Message msg, FieldDescriptor field) {
        return field.isRepeated() ? msg.getRepeatedFieldCount(field) > 0 : msg.hasField(field);
    }

    private void repeated(Message msg, FieldDescriptor field, FieldRules rules, String at, List<String> out) {
        int count = msg.getRepeatedFieldCount(field);
        FieldRules items = null;
        if (rules != null && field.isMapField()) {
            var map = rules.getMap();
            if (map.hasMinPairs() && count < map.getMinPairs()) {
                out.add(at + ": min_pairs " + map.getMinPairs());
            }
            if (map.hasMaxPairs() && count > map.getMaxPairs()) {
                out.add(at + ": max_pairs " + map.getMaxPairs());
            }
        } else if (rules != null) {
            var rep = rules.getRepeated();
            if (rep.hasMinItems() && count < rep.getMinItems()) {
                out.add(at + ": min_items " + rep.getMinItems());
            }
            if (rep.hasMaxItems() && count > rep.getMaxItems()) {
                out.add(at + ": max_items " + rep.getMaxItems());
            }
            if (rep.getUnique() && ((List<?>) msg.getField(field)).stream().distinct().count() != count) {
                out.add(at + ": unique");
            }
            items = rep.hasItems() ? rep.getItems() : null;
        }
        for (int i = 0; i < count; i++) {
            Object element = msg.getRepeatedField(field, i);
            String elementAt = at + "[" + i + "]";
            if (field.isMapField()) {
                Message entry = (Message) element;
                FieldDescriptor key = entry.getDescriptorForType().findFieldByName("key");
                FieldDescriptor val = entry.getDescriptorForType().findFieldByName("value");
                elementAt = at + "[" + entry.getField(key) + "]";
                if (rules != null && rules.getMap().hasKeys()) {
                    value(entry.getField(key), rules.getMap().getKeys(), elementAt + "(key)", out);
                }
                if (rules != null && rules.getMap().hasValues()) {
                    value(entry.getField(val), rules.getMap().getValues(), elementAt, out);
                }
                if (val.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    walk((Message) entry.getField(val), elementAt, out);
                }
                continue;
            }
            if (items != null) {
                value(element, items, elementAt, out);
            }
            if (element instanceof Message m && !(items != null && items.getMessage().getSkip())) {
                walk(m, elementAt, out);
            }
        }
    }

    /** The rules of one value (a scalar, enum value, wrapper, Duration or Any). */
    private void value(Object value, FieldRules rules, String at, List<String> out) {
        if (value instanceof Message m && m.getDescriptorForType().getFullName().startsWith("google.protobuf.")
                && m.getDescriptorForType().findFieldByName("value") != null
                && !m.getDescriptorForType().getFullName().equals("google.protobuf.Any")) {
            value = m.getField(m.getDescriptorForType().findFieldByName("value")); // a wrapper
        }
        switch (rules.getTypeCase()) {
            case STRING -> string((String) value, rules.getString(), at, out);
            case ENUM -> {
                var e = (EnumValueDescriptor) value;
                if (rules.getEnum().getDefinedOnly() && e.getIndex() < 0) {
                    out.add(at + ": enum defined_only");
                }
                if (rules.getEnum().getInCount() > 0 && !rules.getEnum().getInList().contains(e.getNumber())) {
                    out.add(at + ": enum in " + rules.getEnum().getInList());
                }
                if (rules.getEnum().getNotInList().contains(e.getNumber())) {
                    out.add(at + ": enum not_in " + rules.getEnum().getNotInList());
                }
            }
            case DURATION -> duration((Message) value, rules.getDuration(), at, out);
            case ANY -> {
                Message any = (Message) value;
                String url = (String) any.getField(any.getDescriptorForType().findFieldByName("type_url"));
                if (rules.getAny().getInCount() > 0 && !rules.getAny().getInList().contains(url)) {
                    out.add(at + ": any in " + rules.getAny().getInList());
                }
            }
            case REPEATED, MAP, TYPE_NOT_SET, BOOL, BYTES, TIMESTAMP -> {
            }
            default -> numeric(new BigDecimal(value.toString()), (Message) rules.getField(
                    rules.getDescriptorForType().findFieldByNumber(rules.getTypeCase().getNumber())), at, out);
        }
    }

    /** const/lt/lte/gt/gte/in/not_in of any numeric rules message (Int32Rules … DoubleRules). */
    private static void numeric(BigDecimal v, Message rules, String at, List<String> out) {
        Descriptor d = rules.getDescriptorForType();
        if (has(rules, "ignore_empty") && (Boolean) rules.getField(d.findFieldByName("ignore_empty"))
                && v.signum() == 0) {
            return;
        }
        check(v, rules, "const", c -> v.compareTo(c) == 0, at, out);
        check(v, rules, "lt", c -> v.compareTo(c) < 0, at, out);
        check(v, rules, "lte", c -> v.compareTo(c) <= 0, at, out);
        check(v, rules, "gt", c -> v.compareTo(c) > 0, at, out);
        check(v, rules, "gte", c -> v.compareTo(c) >= 0, at, out);
        List<?> in = (List<?>) rules.getField(d.findFieldByName("in"));
        if (!in.isEmpty() && in.stream().noneMatch(x -> new BigDecimal(x.toString()).compareTo(v) == 0)) {
            out.add(at + ": in " + in);
        }
        List<?> notIn = (List<?>) rules.getField(d.findFieldByName("not_in"));
        if (notIn.stream().anyMatch(x -> new BigDecimal(x.toString()).compareTo(v) == 0)) {
            out.add(at + ": not_in " + notIn);
        }
    }

    private static boolean has(Message rules, String name) {
        FieldDescriptor f = rules.getDescriptorForType().findFieldByName(name);
        return f != null && rules.hasField(f);
    }

    private static void check(BigDecimal v, Message rules, String name,
            java.util.function.Predicate<BigDecimal> ok, String at, List<String> out) {
        if (has(rules, name)) {
            BigDecimal bound = new BigDecimal(rules.getField(rules.getDescriptorForType().findFieldByName(name)).toString());
            if (!ok.test(bound)) {
                out.add(at + ": " + name + " " + bound + " (is " + v + ")");
            }
        }
    }

    private static void duration(Message value, Validate.DurationRules rules, String at, List<String> out) {
        BigDecimal v = nanos(value);
        if (rules.hasConst() && v.compareTo(nanos(rules.getConst())) != 0) {
            out.add(at + ": duration const");
        }
        if (rules.hasLt() && v.compareTo(nanos(rules.getLt())) >= 0) {
            out.add(at + ": duration lt " + rules.getLt());
        }
        if (rules.hasLte() && v.compareTo(nanos(rules.getLte())) > 0) {
            out.add(at + ": duration lte " + rules.getLte());
        }
        if (rules.hasGt() && v.compareTo(nanos(rules.getGt())) <= 0) {
            out.add(at + ": duration gt " + rules.getGt());
        }
        if (rules.hasGte() && v.compareTo(nanos(rules.getGte())) < 0) {
            out.add(at + ": duration gte " + rules.getGte());
        }
    }

    private static BigDecimal nanos(Message duration) {
        Descriptor d = duration.getDescriptorForType();
        long seconds = (Long) duration.getField(d.findFieldByName("seconds"));
        int nanos = (Integer) duration.getField(d.findFieldByName("nanos"));
        return BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(1_000_000_000L)).add(BigDecimal.valueOf(nanos));
    }

    private static void string(String v, Validate.StringRules r, String at, List<String> out) {
        if (r.getIgnoreEmpty() && v.isEmpty()) {
            return;
        }
        long chars = v.codePointCount(0, v.length());
        int bytes = v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (r.hasConst() && !v.equals(r.getConst())) {
            out.add(at + ": const " + r.getConst());
        }
        if (r.hasLen() && chars != r.getLen()) {
            out.add(at + ": len " + r.getLen());
        }
        if (r.hasMinLen() && chars < r.getMinLen()) {
            out.add(at + ": min_len " + r.getMinLen());
        }
        if (r.hasMaxLen() && chars > r.getMaxLen()) {
            out.add(at + ": max_len " + r.getMaxLen());
        }
        if (r.hasMinBytes() && bytes < r.getMinBytes()) {
            out.add(at + ": min_bytes " + r.getMinBytes());
        }
        if (r.hasMaxBytes() && bytes > r.getMaxBytes()) {
            out.add(at + ": max_bytes " + r.getMaxBytes());
        }
        if (r.hasPrefix() && !v.startsWith(r.getPrefix())) {
            out.add(at + ": prefix " + r.getPrefix());
        }
        if (r.hasSuffix() && !v.endsWith(r.getSuffix())) {
            out.add(at + ": suffix " + r.getSuffix());
        }
        if (r.hasContains() && !v.contains(r.getContains())) {
            out.add(at + ": contains " + r.getContains());
        }
        if (r.hasNotContains() && v.contains(r.getNotContains())) {
            out.add(at + ": not_contains " + r.getNotContains());
        }
        if (r.getInCount() > 0 && !r.getInList().contains(v)) {
            out.add(at + ": in " + r.getInList());
        }
        if (r.getNotInList().contains(v)) {
            out.add(at + ": not_in " + r.getNotInList());
        }
        if (r.hasPattern() && !Pattern.compile(r.getPattern()).matcher(v).find()) {
            out.add(at + ": pattern " + r.getPattern());
        }
        if (r.hasWellKnownRegex()) {
            boolean strict = !r.hasStrict() || r.getStrict();
            Pattern p = switch (r.getWellKnownRegex()) {
                case HTTP_HEADER_NAME -> strict ? HEADER_NAME : HEADER_LOOSE;
                case HTTP_HEADER_VALUE -> strict ? HEADER_VALUE : HEADER_LOOSE;
                default -> null;
            };
            if (p != null && !p.matcher(v).matches()) {
                out.add(at + ": well_known_regex " + r.getWellKnownRegex());
            }
        }
    }

    private void unpack(Message any, String path, List<String> out) {
        Descriptor d = any.getDescriptorForType();
        String url = (String) any.getField(d.findFieldByName("type_url"));
        try {
            Descriptor type = registry.getDescriptorForTypeUrl(url);
            if (type == null) {
                out.add(path + ": Any of a type unknown to the checker: " + url);
                return;
            }
            var bytes = (com.google.protobuf.ByteString) any.getField(d.findFieldByName("value"));
            walk(DynamicMessage.parseFrom(type, bytes), path + "<" + type.getName() + ">", out);
        } catch (InvalidProtocolBufferException e) {
            out.add(path + ": unreadable Any " + url + ": " + e.getMessage());
        }
    }
}
