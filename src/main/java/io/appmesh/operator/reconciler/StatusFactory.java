package io.appmesh.operator.reconciler;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * Builds each kind's status from the previous one and a pass's {@link Outcome}, as upstream writes it: the ARN,
 * {@code observedGeneration} once a generation reached the backend (never for VirtualGateways, as upstream), and the
 * {@code <Kind>Active} condition — True iff the backend object is ACTIVE; {@code lastTransitionTime} set when the
 * condition first appears or flips. When a pass stops before the backend, the condition is False with the reason and
 * message (upstream leaves the status alone and only emits an event; a status that says why is what users look for).
 * When the backend refuses to update an object it already holds, everything stays as it was and an
 * {@code UpdateRejected=True} condition carries the refusal, until a pass succeeds again. The previous status is never
 * modified, so callers can tell whether anything changed.
 */
public final class StatusFactory {

    /** Condition type of an update the backend refused for an object it holds (the object stays Active). */
    public static final String UPDATE_REJECTED = "UpdateRejected";
    /**
     * Condition type of a configuration the node's proxies refused (an xDS NACK; not an upstream condition): True
     * with the proxy's error text while the last push is refused — the proxies keep the last configuration they
     * accepted — and gone once they accept one again.
     */
    public static final String CONFIG_REJECTED = "ConfigRejected";

    private StatusFactory() {
    }

    /**
     * What differs between the kinds' statuses: the condition type, the classes, the ARN field, and whether
     * {@code observedGeneration} is maintained.
     */
    private record Shape<S, C extends AppMeshCondition>(String type, Supplier<S> status, Supplier<C> condition,
            Function<S, String> arn, BiConsumer<S, String> setArn, Function<S, Long> observed,
            BiConsumer<S, Long> setObserved, Function<S, List<C>> conditions, BiConsumer<S, List<C>> setConditions,
            boolean observesGeneration) {
    }

    private static final Shape<MeshStatus, MeshCondition> MESH = new Shape<>("MeshActive", MeshStatus::new,
            MeshCondition::new, MeshStatus::getMeshARN, MeshStatus::setMeshARN, MeshStatus::getObservedGeneration,
            MeshStatus::setObservedGeneration, MeshStatus::getConditions, MeshStatus::setConditions, true);
    private static final Shape<VirtualNodeStatus, VirtualNodeCondition> VIRTUAL_NODE = new Shape<>("VirtualNodeActive",
            VirtualNodeStatus::new,
            VirtualNodeCondition::new, VirtualNodeStatus::getVirtualNodeARN, VirtualNodeStatus::setVirtualNodeARN,
            VirtualNodeStatus::getObservedGeneration,
            VirtualNodeStatus::setObservedGeneration, VirtualNodeStatus::getConditions, VirtualNodeStatus::setConditions, true);
    private static final Shape<VirtualServiceStatus, VirtualServiceCondition> VIRTUAL_SERVICE = new Shape<>(
            "VirtualServiceActive", VirtualServiceStatus::new,
            VirtualServiceCondition::new, VirtualServiceStatus::getVirtualServiceARN,
            VirtualServiceStatus::setVirtualServiceARN, VirtualServiceStatus::getObservedGeneration,
            VirtualServiceStatus::setObservedGeneration, VirtualServiceStatus::getConditions,
            VirtualServiceStatus::setConditions, true);
    private static final Shape<VirtualRouterStatus, VirtualRouterCondition> VIRTUAL_ROUTER = new Shape<>("VirtualRouterActive",
            VirtualRouterStatus::new,
            VirtualRouterCondition::new, VirtualRouterStatus::getVirtualRouterARN, VirtualRouterStatus::setVirtualRouterARN,
            VirtualRouterStatus::getObservedGeneration,
            VirtualRouterStatus::setObservedGeneration, VirtualRouterStatus::getConditions, VirtualRouterStatus::setConditions,
            true);
    private static final Shape<VirtualGatewayStatus, VirtualGatewayCondition> VIRTUAL_GATEWAY = new Shape<>(
            "VirtualGatewayActive", VirtualGatewayStatus::new,
            VirtualGatewayCondition::new, VirtualGatewayStatus::getVirtualGatewayARN,
            VirtualGatewayStatus::setVirtualGatewayARN, VirtualGatewayStatus::getObservedGeneration,
            VirtualGatewayStatus::setObservedGeneration, VirtualGatewayStatus::getConditions,
            VirtualGatewayStatus::setConditions, false);
    private static final Shape<GatewayRouteStatus, GatewayRouteCondition> GATEWAY_ROUTE = new Shape<>("GatewayRouteActive",
            GatewayRouteStatus::new,
            GatewayRouteCondition::new, GatewayRouteStatus::getGatewayRouteARN, GatewayRouteStatus::setGatewayRouteARN,
            GatewayRouteStatus::getObservedGeneration,
            GatewayRouteStatus::setObservedGeneration, GatewayRouteStatus::getConditions, GatewayRouteStatus::setConditions,
            true);

    private static final Map<Class<?>, Shape<?, ?>> SHAPES = Map.of(Mesh.class, MESH, VirtualNode.class, VIRTUAL_NODE,
            VirtualService.class, VIRTUAL_SERVICE, VirtualRouter.class, VIRTUAL_ROUTER, VirtualGateway.class,
            VIRTUAL_GATEWAY, GatewayRoute.class, GATEWAY_ROUTE);

    public static MeshStatus mesh(Mesh mesh, Outcome outcome) {
        return build(MESH, mesh, mesh.getStatus(), outcome);
    }

    public static VirtualNodeStatus virtualNode(VirtualNode node, Outcome outcome) {
        return build(VIRTUAL_NODE, node, node.getStatus(), outcome);
    }

    public static VirtualServiceStatus virtualService(VirtualService service, Outcome outcome) {
        return build(VIRTUAL_SERVICE, service, service.getStatus(), outcome);
    }

    public static VirtualRouterStatus virtualRouter(VirtualRouter router, Outcome outcome) {
        VirtualRouterStatus status = build(VIRTUAL_ROUTER, router, router.getStatus(), outcome);
        status.setRouteARNs(outcome.state() != null
                ? outcome.routeIds()
                : router.getStatus() == null ? null : router.getStatus().getRouteARNs());
        return status;
    }

    public static VirtualGatewayStatus virtualGateway(VirtualGateway gateway, Outcome outcome) {
        return build(VIRTUAL_GATEWAY, gateway, gateway.getStatus(), outcome);
    }

    public static GatewayRouteStatus gatewayRoute(GatewayRoute route, Outcome outcome) {
        return build(GATEWAY_ROUTE, route, route.getStatus(), outcome);
    }

    /** The status a pass leads to, from the previous one (never modified) and the outcome. */
    private static <S, C extends AppMeshCondition> S build(Shape<S, C> shape, HasMetadata resource, S previous,
            Outcome outcome) {
        S old = previous == null ? shape.status().get() : previous;
        S status = shape.status().get();
        shape.setArn().accept(status, outcome.state() != null ? outcome.state().id() : shape.arn().apply(old));
        Long observed = shape.observed().apply(old);
        shape.setObserved().accept(status, shape.observesGeneration() && outcome.state() != null
                ? resource.getMetadata().getGeneration()
                : observed);
        List<C> conditions = outcome.rejected()
                ? rejected(shape.conditions().apply(old), shape.condition(), outcome)
                : conditions(shape.conditions().apply(old), shape.condition(), shape.type(), outcome);
        if (outcome.state() != null) {
            conditions = configRejected(conditions, shape.condition(), outcome.state().rejection());
        }
        shape.setConditions().accept(status, conditions);
        return status;
    }

    /** Whether the object's {@code <Kind>Active} condition is True (whatever generation it was written for). */
    public static boolean active(HasMetadata resource) {
        return activeAt(resource, false);
    }

    /** Whether the object's current spec is held by the backend: Active, and observed at its generation where kept. */
    public static boolean held(HasMetadata resource) {
        return activeAt(resource, true);
    }

    /** The message of the object's {@code ConfigRejected} condition, or null. */
    public static String configRejection(HasMetadata resource) {
        AppMeshCondition condition = condition(resource, CONFIG_REJECTED);
        return condition == null ? null : condition.getMessage();
    }

    /** The object's condition of that type, or null (also for an object without a status). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static AppMeshCondition condition(HasMetadata resource, String type) {
        Shape shape = SHAPES.get(resource.getClass());
        Object status = resource instanceof CustomResource<?, ?> custom ? custom.getStatus() : null;
        List<? extends AppMeshCondition> conditions = shape == null || status == null
                ? null
                : (List<? extends AppMeshCondition>) shape.conditions().apply(status);
        return conditions == null
                ? null
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean activeAt(HasMetadata resource, boolean currentGeneration) {
        Shape shape = SHAPES.get(resource.getClass());
        AppMeshCondition active = shape == null ? null : condition(resource, shape.type());
        if (active == null || !"True".equals(active.getStatus())) {
            return false;
        }
        Object status = ((CustomResource<?, ?>) resource).getStatus();
        return !currentGeneration || !shape.observesGeneration()
                || Objects.equals(shape.observed().apply(status), resource.getMetadata().getGeneration());
    }

    /** Sets, keeps or drops the {@code ConfigRejected} condition after a pass that reached the backend. */
    private static <C extends AppMeshCondition> List<C> configRejected(List<C> conditions, Supplier<C> factory,
            String rejection) {
        List<C> result = new ArrayList<>();
        C existing = null;
        for (C condition : conditions) {
            if (CONFIG_REJECTED.equals(condition.getType())) {
                existing = condition;
            } else {
                result.add(condition);
            }
        }
        if (rejection == null) {
            return result;
        }
        C condition = existing != null ? existing : factory.get();
        if (existing == null) {
            condition.setType(CONFIG_REJECTED);
            condition.setLastTransitionTime(now());
        }
        condition.setStatus("True");
        condition.setReason("ProxyRejected");
        condition.setMessage(rejection);
        result.add(condition);
        return result;
    }

    /** The conditions after a refused update: all kept, plus {@code UpdateRejected=True} with the backend's reason. */
    private static <C extends AppMeshCondition> List<C> rejected(List<C> old, Supplier<C> factory, Outcome outcome) {
        List<C> conditions = new ArrayList<>();
        C rejection = null;
        for (C existing : old == null ? List.<C>of() : old) {
            C copy = copy(existing, factory);
            if (UPDATE_REJECTED.equals(existing.getType())) {
                rejection = copy;
            }
            conditions.add(copy);
        }
        if (rejection == null) {
            rejection = factory.get();
            rejection.setType(UPDATE_REJECTED);
            rejection.setLastTransitionTime(now());
            conditions.add(rejection);
        } else if (!"True".equals(rejection.getStatus())) {
            rejection.setLastTransitionTime(now());
        }
        rejection.setStatus("True");
        rejection.setReason(outcome.reason());
        rejection.setMessage(outcome.message());
        return conditions;
    }

    private static <C extends AppMeshCondition> C copy(C existing, Supplier<C> factory) {
        C copy = factory.get();
        copy.setType(existing.getType());
        copy.setStatus(existing.getStatus());
        copy.setReason(existing.getReason());
        copy.setMessage(existing.getMessage());
        copy.setLastTransitionTime(existing.getLastTransitionTime());
        return copy;
    }

    private static <C extends AppMeshCondition> List<C> conditions(List<C> old, Supplier<C> factory, String type,
            Outcome outcome) {
        String status = outcome.active() ? "True" : "False";
        List<C> conditions = new ArrayList<>();
        boolean found = false;
        for (C existing : old == null ? List.<C>of() : old) {
            if (UPDATE_REJECTED.equals(existing.getType())) {
                // A pass that got past the backend, or stopped before it, no longer has a refused update to report.
                continue;
            }
            C copy = copy(existing, factory);
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
