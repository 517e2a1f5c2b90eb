package io.appmesh.operator.reconciler.virtualrouter;

import java.util.List;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouterStatus;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.reconciler.AppMeshReconciler;
import io.appmesh.operator.reconciler.Outcome;
import io.appmesh.operator.reconciler.ReconcilerSupport;
import io.appmesh.operator.reconciler.StatusFactory;
import io.appmesh.operator.reconciler.Triggers;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;

/**
 * VirtualRouters and their routes: waits for the Mesh and for every weighted-target VirtualNode
 * (same mesh) to be Active; re-triggered when one becomes Active. {@code status.routeARNs} lists every route.
 */
@ControllerConfiguration(name = "virtualrouter", finalizerName = AppMeshApi.AWS_RESOURCES_FINALIZER)
public class VirtualRouterReconciler extends AppMeshReconciler<VirtualRouter, VirtualRouterStatus> {

    public VirtualRouterReconciler(ReconcilerSupport support) {
        super(support, "virtualrouter", "VirtualRouter");
    }

    @Override
    public List<EventSource<?, VirtualRouter>> prepareEventSources(EventSourceContext<VirtualRouter> context) {
        return List.of(
                Triggers.onActiveFlip(Mesh.class, context,
                        (mesh, router) -> Triggers.memberOf(mesh, router.getSpec())),
                Triggers.onActiveFlip(VirtualNode.class, context, (node, router) -> References.weightedTargets(router)
                        .map(target -> target.getVirtualNodeRef())
                        .anyMatch(ref -> ref != null
                                && References.designates(ref.getName(), ref.getNamespace(), router, node))));
    }

    @Override
    protected BackendState sync(VirtualRouter router, Lookup lookup) {
        return support.backend().syncVirtualRouter(support.references().virtualRouter(router, lookup));
    }

    @Override
    protected void delete(VirtualRouter router, Lookup lookup) {
        Mesh mesh = support.references().mesh(router.getSpec(), lookup);
        support.backend().delete(References.scope(mesh), router, recorded(router));
    }

    @Override
    protected VirtualRouterStatus status(VirtualRouter router, Outcome outcome) {
        return StatusFactory.virtualRouter(router, outcome);
    }

    @Override
    protected boolean recorded(VirtualRouter router) {
        return router.getStatus() != null && router.getStatus().getVirtualRouterARN() != null;
    }
}
