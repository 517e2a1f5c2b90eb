package io.appmesh.operator.reconciler;

import java.util.Map;

import io.appmesh.operator.backend.BackendState;

/**
 * What one reconcile pass found, for the status factory: the backend's state when the pass reached the backend, else
 * why it stopped.
 *
 * @param state the backend object's state, or null when the pass stopped before (gated, rejected)
 * @param reason the {@code <Kind>Active} condition's reason when the pass stopped; null on success (upstream writes none)
 * @param message the condition's message when the pass stopped
 * @param rejected the backend refused to update an object it already holds: the {@code <Kind>Active} condition stays
 *        as it was, and an {@code UpdateRejected} condition says why
 */
public record Outcome(BackendState state, String reason, String message, boolean rejected) {

    public static Outcome synced(BackendState state) {
        return new Outcome(state, null, null, false);
    }

    public static Outcome stopped(String reason, String message) {
        return new Outcome(null, reason, message, false);
    }

    public static Outcome rejected(String reason, String message) {
        return new Outcome(null, reason, message, true);
    }

    public boolean active() {
        return state != null && state.active();
    }

    public Map<String, String> routeIds() {
        return state == null ? Map.of() : state.routeIds();
    }
}
