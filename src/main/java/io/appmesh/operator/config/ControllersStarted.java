package io.appmesh.operator.config;

/** Fired once the controllers run (their informer caches synced): what needs the cluster's state may start. */
public record ControllersStarted() {
}
