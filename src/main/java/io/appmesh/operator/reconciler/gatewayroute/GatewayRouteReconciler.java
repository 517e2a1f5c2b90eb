package io.appmesh.operator.reconciler.gatewayroute;

import java.util.List;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteStatus;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.mesh.Resolved;
import io.appmesh.operator.reconciler.AppMeshReconciler;
import io.appmesh.operator.reconciler.Outcome;
import io.appmesh.operator.reconciler.ReconcilerSupport;
import io.appmesh.operator.reconciler.StatusFactory;
import io.appmesh.operator.reconciler.Triggers;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;

/**
 * GatewayRoutes: waits for the Mesh, its VirtualGateway and its target VirtualServices (all in the
 * same mesh) to be Active; re-triggered when the mesh or the gateway becomes Active, and — not upstream, which relied on
 * resyncs — when a target service does.
 */
@ControllerConfiguration(name = "gatewayroute", finalizerName = AppMeshApi.AWS_RESOURCES_FINALIZER)
public class GatewayRouteReconciler extends AppMeshReconciler<GatewayRoute, GatewayRouteStatus> {

    public GatewayRouteReconciler(ReconcilerSupport support) {
        super(support, "gatewayroute", "GatewayRoute");
    }

    @Override
    public List<EventSource<?, GatewayRoute>> prepareEventSources(EventSourceContext<GatewayRoute> context) {
        return List.of(
                Triggers.onActiveFlip(Mesh.class, context,
                        (mesh, route) -> Triggers.memberOf(mesh, route.getSpec())),
                Triggers.onActiveFlip(VirtualGateway.class, context, (gateway, route) -> {
                    var ref = route.getSpec().getVirtualGatewayRef();
                    return ref != null && References.designates(ref.getName(), ref.getNamespace(), route, gateway);
                }),
                // Any namespace: a route's target may live elsewhere.
                Triggers.onActiveFlip(VirtualService.class, context,
                        (service, route) -> References.targets(route).stream()
                                .map(target -> target.getVirtualService() == null
                                        ? null
                                        : target.getVirtualService().getVirtualServiceRef())
                                .anyMatch(ref -> ref != null
                                        && References.designates(ref.getName(), ref.getNamespace(), route, service))));
    }

    @Override
    protected BackendState sync(GatewayRoute route, Lookup lookup) {
        Resolved<GatewayRoute> resolved = support.references().gatewayRoute(route, lookup);
        VirtualGateway gateway = support.references().gatewayOf(route, lookup);
        return support.backend().syncGatewayRoute(resolved, gateway.getSpec().getAwsName());
    }

    @Override
    protected void delete(GatewayRoute route, Lookup lookup) {
        Mesh mesh = support.references().mesh(route.getSpec(), lookup);
        VirtualGateway gateway = support.references().gatewayOf(route, lookup);
        support.backend().delete(References.scope(mesh), gateway.getSpec().getAwsName(), route, recorded(route));
    }

    @Override
    protected GatewayRouteStatus status(GatewayRoute route, Outcome outcome) {
        return StatusFactory.gatewayRoute(route, outcome);
    }

    @Override
    protected boolean recorded(GatewayRoute route) {
        return route.getStatus() != null && route.getStatus().getGatewayRouteARN() != null;
    }
}
