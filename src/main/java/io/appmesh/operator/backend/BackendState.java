package io.appmesh.operator.backend;

import java.util.Map;

/**
 * What a backend reports about the object it keeps for a resource, in backend-neutral terms.
 *
 * @param id the backend's identifier of the object: for AWS App Mesh its ARN (written to the status' ARN field), null
 *        for a backend that has none to show
 * @param active whether the object is usable (App Mesh status {@code ACTIVE})
 * @param routeIds for a VirtualRouter, the identifier of each route by name; empty otherwise
 * @param rejection what the object's proxies refused in the last configuration pushed to them (their error text), or
 *        null when they accepted it; only the xDS backend sees its proxies
 */
public record BackendState(String id, boolean active, Map<String, String> routeIds, String rejection) {

    public BackendState(String id, boolean active) {
        this(id, active, Map.of(), null);
    }

    public BackendState(String id, boolean active, Map<String, String> routeIds) {
        this(id, active, routeIds, null);
    }
}
