package io.appmesh.operator.mesh.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's file access log ({@code logging.accessLog.file}).
 *
 * @param path the file path
 * @param text the custom text format ({@code format.text}), or null
 * @param json the JSON format's fields, key to format string ({@code format.json}), sorted by key; empty for none
 */
public record AccessLogModel(String path, String text, Map<String, String> json) {

    public AccessLogModel {
        json = json == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(json));
    }

    /** A log in Envoy's default format. */
    public static AccessLogModel of(String path) {
        return new AccessLogModel(path, null, Map.of());
    }
}
