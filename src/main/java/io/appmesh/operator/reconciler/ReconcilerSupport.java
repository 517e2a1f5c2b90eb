package io.appmesh.operator.reconciler;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.backend.MeshBackend;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.mesh.Members;
import io.appmesh.operator.mesh.References;

/** What every App Mesh reconciler uses, in one bean so that each reconciler's constructor stays short. */
@ApplicationScoped
public class ReconcilerSupport {

    private final MeshBackend backend;
    private final References references;
    private final Members members;
    private final EventRecorder events;
    private final Backoff backoff;
    private final ReconcileMetrics metrics;
    private final OperatorConfig config;

    public ReconcilerSupport(MeshBackend backend, References references, Members members, EventRecorder events,
            Backoff backoff, ReconcileMetrics metrics, OperatorConfig config) {
        this.backend = backend;
        this.references = references;
        this.members = members;
        this.events = events;
        this.backoff = backoff;
        this.metrics = metrics;
        this.config = config;
    }

    public MeshBackend backend() {
        return backend;
    }

    public References references() {
        return references;
    }

    public Members members() {
        return members;
    }

    public EventRecorder events() {
        return events;
    }

    public Backoff backoff() {
        return backoff;
    }

    public ReconcileMetrics metrics() {
        return metrics;
    }

    public OperatorConfig config() {
        return config;
    }
}
