package io.appmesh.operator.reconciler.virtualservice;

import java.util.List;
import java.util.Optional;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualServiceStatus;
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
 * VirtualServices: waits for the Mesh and for its provider (VirtualNode or VirtualRouter, same
 * mesh) to be Active; re-triggered when either becomes Active.
 */
@ControllerConfiguration(name = "virtualservice", finalizerName = AppMeshApi.AWS_RESOURCES_FINALIZER)
public class VirtualServiceReconciler extends AppMeshReconciler<VirtualService, VirtualServiceStatus> {

    public VirtualServiceReconciler(ReconcilerSupport support) {
        super(support, "virtualservice", "VirtualService");
    }

    @Override
    public List<EventSource<?, VirtualService>> prepareEventSources(EventSourceContext<VirtualService> context) {
        return List.of(
                Triggers.onActiveFlip(Mesh.class, context,
                        (mesh, vs) -> Triggers.memberOf(mesh, vs.getSpec())),
                Triggers.onActiveFlip(VirtualNode.class, context, (node, vs) -> Optional
                        .ofNullable(vs.getSpec().getProvider()).map(p -> p.getVirtualNode()).map(p -> p.getVirtualNodeRef())
                        .filter(ref -> References.designates(ref.getName(), ref.getNamespace(), vs, node)).isPresent()),
                Triggers.onActiveFlip(VirtualRouter.class, context, (router, vs) -> Optional
                        .ofNullable(vs.getSpec().getProvider()).map(p -> p.getVirtualRouter())
                        .map(p -> p.getVirtualRouterRef())
                        .filter(ref -> References.designates(ref.getName(), ref.getNamespace(), vs, router)).isPresent()));
    }

    @Override
    protected BackendState sync(VirtualService service, Lookup lookup) {
        return support.backend().syncVirtualService(support.references().virtualService(service, lookup));
    }

    @Override
    protected void delete(VirtualService service, Lookup lookup) {
        Mesh mesh = support.references().mesh(service.getSpec(), lookup);
        support.backend().delete(References.scope(mesh), service, recorded(service));
    }

    @Override
    protected VirtualServiceStatus status(VirtualService service, Outcome outcome) {
        return StatusFactory.virtualService(service, outcome);
    }

    @Override
    protected boolean recorded(VirtualService service) {
        return service.getStatus() != null && service.getStatus().getVirtualServiceARN() != null;
    }
}
