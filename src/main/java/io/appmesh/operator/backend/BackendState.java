package io.appmesh.operator.backend;

import java.util.Map;

/**
 * What a backend reports about the object it keeps for a resource.
 *
 * @param arn the object's ARN
 * @param active whether the object is usable (App Mesh status {@code ACTIVE})
 * @param routeArns for a VirtualRouter, the ARN of each route by name; empty otherwise
 */
public record BackendState(String arn, boolean active, Map<String, String> routeArns) {

    public BackendState(String arn, boolean active) {
        this(arn, active, Map.of());
    }
}
