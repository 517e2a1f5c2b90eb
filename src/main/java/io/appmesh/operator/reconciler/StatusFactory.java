package io.appmesh.operator.reconciler;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.appmesh.operator.api.v1beta2.common.AppMeshCondition;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteCondition;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteStatus;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.mesh.MeshCondition;
import io.appmesh.operator.api.v1beta2.mesh.MeshStatus;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayCondition;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayStatus;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeCondition;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeStatus;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouterCondition;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouterStatus;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualServiceCondition;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualServiceStatus;

/**
 * Builds each kind's status from the previous one and a pass's {@link Outcome}, as upstream writes it: the ARN,
 * {@code observedGeneration} once a generation reached the backend (never for VirtualGateways, as upstream), and the
 * {@code <Kind>Active} condition — True iff the backend object is ACTIVE; {@code lastTransitionTime} set when the
 * condition first appears or flips. When a pass stops before the backend, the condition is False with the reason and
 * message (upstream leaves the status alone and only emits an event; a status that says why is what users look for).
 * The previous status is never modified, so callers can tell whether anything changed.
 */
public final class StatusFactory {

    private StatusFactory() {
    }

    public static MeshStatus mesh(Mesh mesh, Outcome outcome) {
        MeshStatus old = mesh.getStatus() == null ? new MeshStatus() : mesh.getStatus();
        MeshStatus status = new MeshStatus();
        status.setMeshARN(outcome.state() != null ? outcome.state().arn() : old.getMeshARN());
        status.setObservedGeneration(generation(mesh.getMetadata().getGeneration(), old.getObservedGeneration(),
                outcome));
        status.setConditions(conditions(old.getConditions(), MeshCondition::new, "MeshActive", outcome));
        return status;
    }

    public static VirtualNodeStatus virtualNode(VirtualNode node, Outcome outcome) {
        VirtualNodeStatus old = node.getStatus() == null ? new VirtualNodeStatus() : node.getStatus();
        VirtualNodeStatus status = new VirtualNodeStatus();
        status.setVirtualNodeARN(outcome.state() != null ? outcome.state().arn() : old.getVirtualNodeARN());
        status.setObservedGeneration(generation(node.getMetadata().getGeneration(), old.getObservedGeneration(),
                outcome));
        status.setConditions(conditions(old.getConditions(), VirtualNodeCondition::new, "VirtualNodeActive", outcome));
        return status;
    }

    public static VirtualServiceStatus virtualService(VirtualService service, Outcome outcome) {
        VirtualServiceStatus old = service.getStatus() == null ? new VirtualServiceStatus() : service.getStatus();
        VirtualServiceStatus status = new VirtualServiceStatus();
        status.setVirtualServiceARN(outcome.state() != null ? outcome.state().arn() : old.getVirtualServiceARN());
        status.setObservedGeneration(generation(service.getMetadata().getGeneration(), old.getObservedGeneration(),
                outcome));
        status.setConditions(conditions(old.getConditions(), VirtualServiceCondition::new, "VirtualServiceActive",
                outcome));
        return status;
    }

    public static VirtualRouterStatus virtualRouter(VirtualRouter router, Outcome outcome) {
        VirtualRouterStatus old = router.getStatus() == null ? new VirtualRouterStatus() : router.getStatus();
        VirtualRouterStatus status = new VirtualRouterStatus();
        status.setVirtualRouterARN(outcome.state() != null ? outcome.state().arn() : old.getVirtualRouterARN());
        status.setRouteARNs(outcome.state() != null ? outcome.routeArns() : old.getRouteARNs());
        status.setObservedGeneration(generation(router.getMetadata().getGeneration(), old.getObservedGeneration(),
                outcome));
        status.setConditions(conditions(old.getConditions(), VirtualRouterCondition::new, "VirtualRouterActive",
                outcome));
        return status;
    }

    public static VirtualGatewayStatus virtualGateway(VirtualGateway gateway, Outcome outcome) {
        VirtualGatewayStatus old = gateway.getStatus() == null ? new VirtualGatewayStatus() : gateway.getStatus();
        VirtualGatewayStatus status = new VirtualGatewayStatus();
        status.setVirtualGatewayARN(outcome.state() != null ? outcome.state().arn() : old.getVirtualGatewayARN());
        status.setObservedGeneration(old.getObservedGeneration());
        status.setConditions(conditions(old.getConditions(), VirtualGatewayCondition::new, "VirtualGatewayActive",
                outcome));
        return status;
    }

    public static GatewayRouteStatus gatewayRoute(GatewayRoute route, Outcome outcome) {
        GatewayRouteStatus old = route.getStatus() == null ? new GatewayRouteStatus() : route.getStatus();
        GatewayRouteStatus status = new GatewayRouteStatus();
        status.setGatewayRouteARN(outcome.state() != null ? outcome.state().arn() : old.getGatewayRouteARN());
        status.setObservedGeneration(generation(route.getMetadata().getGeneration(), old.getObservedGeneration(),
                outcome));
        status.setConditions(conditions(old.getConditions(), GatewayRouteCondition::new, "GatewayRouteActive",
                outcome));
        return status;
    }

    private static Long generation(Long current, Long observed, Outcome outcome) {
        return outcome.state() != null ? current : observed;
    }

    private static <C extends AppMeshCondition> List<C> conditions(List<C> old, Supplier<C> factory, String type,
            Outcome outcome) {
        String status = outcome.active() ? "True" : "False";
        List<C> conditions = new ArrayList<>();
        boolean found = false;
        for (C existing : old == null ? List.<C>of() : old) {
            C copy = factory.get();
            copy.setType(existing.getType());
            copy.setStatus(existing.getStatus());
            copy.setReason(existing.getReason());
            copy.setMessage(existing.getMessage());
            copy.setLastTransitionTime(existing.getLastTransitionTime());
            if (type.equals(existing.getType())) {
                found = true;
                if (!status.equals(existing.getStatus())) {
                    copy.setStatus(status);
                    copy.setLastTransitionTime(now());
                }
                copy.setReason(outcome.reason());
                copy.setMessage(outcome.message());
            }
            conditions.add(copy);
        }
        if (!found) {
            C condition = factory.get();
            condition.setType(type);
            condition.setStatus(status);
            condition.setReason(outcome.reason());
            condition.setMessage(outcome.message());
            condition.setLastTransitionTime(now());
            conditions.add(condition);
        }
        return conditions;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
