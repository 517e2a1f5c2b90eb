package io.appmesh.operator.reconciler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;

import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.ReferenceException;
import io.appmesh.operator.reconciler.ReconcileMetrics.Result;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * The reconcile pass shared by the six App Mesh kinds: resolve and gate references, call the
 * backend once, write the status only when it changed. A pass that cannot finish records why (the
 * {@code <Kind>Active} condition and a {@code ReconcileError} Warning event, as upstream) and is retried later with a
 * per-resource backoff — it never throws, so the SDK's retry budget cannot run out on a broken input. A converged
 * resource is looked at again after {@code appmesh.sync-period} (upstream's resync). Subclasses only say how to
 * resolve, sync, delete and build their status.
 */
public abstract class AppMeshReconciler<R extends CustomResource<?, S>, S> implements Reconciler<R>, Cleaner<R> {

    private static final Logger LOG = Logger.getLogger(AppMeshReconciler.class);
    /** Re-read an object AWS has not reported ACTIVE yet. */
    static final Duration NOT_ACTIVE_RECHECK = Duration.ofSeconds(10);
    static final Duration MEMBERS_RECHECK = Duration.ofSeconds(60);

    protected ReconcilerSupport support;
    private String controller;
    private String component;

    /** For the container's client proxies only. */
    protected AppMeshReconciler() {
    }

    protected AppMeshReconciler(ReconcilerSupport support, String controller, String component) {
        this.support = support;
        this.controller = controller;
        this.component = component;
    }

    /** Resolve, gate and sync: the backend state, or a {@link ReferenceException} / {@link BackendException}. */
    protected abstract BackendState sync(R resource, Lookup lookup);

    /** Remove the backend object(s). */
    protected abstract void delete(R resource, Lookup lookup);

    /** The status a pass leads to (see {@link StatusFactory}). */
    protected abstract S status(R resource, Outcome outcome);

    /** Whether the resource ever recorded a backend ARN. */
    protected abstract boolean recorded(R resource);

    /** Finalizers kept besides the SDK-managed one, removed after {@link #delete}. */
    protected List<String> extraFinalizers() {
        return List.of();
    }

    /** Finalizers removed once {@link #delete} succeeded: the extra ones by default. */
    protected List<String> finalizersRemovedOnCleanup(R resource) {
        return extraFinalizers();
    }

    /** Upstream's PendingMembersDeletion message when members still block deletion, else empty. */
    protected String pendingMembers(R resource) {
        return "";
    }

    /** The event component of {@link #pendingMembers} warnings. */
    protected String membersComponent() {
        return component;
    }

    @Override
    public UpdateControl<R> reconcile(R resource, Context<R> context) {
        return support.metrics().time(controller, () -> pass(resource, context));
    }

    private UpdateControl<R> pass(R resource, Context<R> context) {
        Finalizers.ensure(context.getClient(), resource, extraFinalizers());
        Outcome outcome;
        Duration next;
        Result result;
        try {
            outcome = Outcome.synced(sync(resource, new CacheLookup(context)));
            support.backoff().reset(resource);
            next = outcome.active() ? support.config().syncPeriod() : NOT_ACTIVE_RECHECK;
            result = Result.SUCCESS;
        } catch (ReferenceException e) {
            support.events().warning(resource, component, "ReconcileError", e.getMessage());
            outcome = Outcome.stopped(e.reason(), e.getMessage());
            next = support.backoff().next(resource, e.waiting());
            result = e.waiting() ? Result.REQUEUE : Result.ERROR;
        } catch (BackendException e) {
            support.events().warning(resource, component, "ReconcileError", e.getMessage());
            next = support.backoff().next(resource, false);
            support.metrics().record(controller, Result.ERROR);
            if (e.transientFailure()) {
                // The backend did not answer: that says nothing new about the resource, so its status stays.
                LOG.infof("%s %s: %s (again in %s)", resource.getKind(), name(resource), e.getMessage(), next);
                return UpdateControl.<R>noUpdate().rescheduleAfter(next);
            }
            // An object the backend already holds stays Active when an update of it is refused (upstream leaves the
            // status alone): its dependents keep working, and an UpdateRejected condition says what was refused. The
            // AWS backend shows holding by an ARN; the xDS backend, which has none, by the Active condition.
            outcome = recorded(resource) || StatusFactory.active(resource)
                    ? Outcome.rejected(e.reason(), e.getMessage())
                    : Outcome.stopped(e.reason(), e.getMessage());
            result = null;
        }
        if (result != null) {
            support.metrics().record(controller, result);
        }
        S status = status(resource, outcome);
        String rejection = outcome.state() == null ? null : outcome.state().rejection();
        if (rejection != null && !Objects.equals(rejection, StatusFactory.configRejection(resource))) {
            support.events().warning(resource, component, StatusFactory.CONFIG_REJECTED, rejection);
        }
        if (Objects.equals(status, resource.getStatus())) {
            return UpdateControl.<R>noUpdate().rescheduleAfter(next);
        }
        writeStatus(resource, context, status);
        return UpdateControl.<R>noUpdate().rescheduleAfter(next);
    }

    /**
     * Replaces the whole status through the status subresource, guarded by the object's resourceVersion (on a conflict
     * the SDK waits for the newer object in its cache and the status is written over that), and hands the answer to
     * the SDK's cache so that the next pass sees it. Not the SDK's {@code patchStatus}: without server-side apply that
     * sends a JSON Patch diffed against the cached object, whose operations a real API server refuses (422) when the
     * stored object differs — on an object created without a status, every {@code add /status/<field>}.
     */
    private void writeStatus(R resource, Context<R> context, S status) {
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, latest -> {
            latest.setStatus(status);
            return latest;
        });
    }

    @Override
    public DeleteControl cleanup(R resource, Context<R> context) {
        String pending = pendingMembers(resource);
        if (!pending.isEmpty()) {
            support.events().warning(resource, membersComponent(), "PendingMembersDeletion", pending);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(MEMBERS_RECHECK);
        }
        try {
            delete(resource, new CacheLookup(context));
        } catch (ReferenceException e) {
            if (recorded(resource)) {
                return retryCleanup(resource, e);
            }
            // Nothing was ever created for it, and what it refers to is gone: nothing to clean up.
        } catch (BackendException e) {
            return retryCleanup(resource, e);
        }
        // The SDK's own finalizer goes in the same guarded patch: the SDK would otherwise diff its removal against the
        // object it read before ours, a JSON Patch whose index no longer exists (a real server answers 422).
        List<String> done = new ArrayList<>(finalizersRemovedOnCleanup(resource));
        done.add(context.getControllerConfiguration().getFinalizerName());
        Finalizers.remove(context.getClient(), resource, done);
        support.backoff().reset(resource);
        return DeleteControl.defaultDelete();
    }

    private DeleteControl retryCleanup(R resource, RuntimeException e) {
        Duration next = support.backoff().next(resource, false);
        // Upstream emits no event on cleanup errors; the log says why the finalizer stays.
        LOG.warnf("%s %s: cleanup failed, finalizer kept (again in %s): %s", resource.getKind(), name(resource), next,
                e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(next);
    }

    private static String name(CustomResource<?, ?> resource) {
        return resource.getMetadata().getNamespace() == null
                ? resource.getMetadata().getName()
                : resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }
}
