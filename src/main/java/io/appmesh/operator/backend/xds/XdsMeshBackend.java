package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.PatternSyntaxException;

import io.appmesh.operator.api.v1beta2.common.VirtualServiceReference;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualServiceBackend;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.backend.MeshBackend;
import io.appmesh.operator.mesh.MeshScope;
import io.appmesh.operator.mesh.Resolved;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;
import io.appmesh.operator.mesh.model.TlsModels;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The xDS backend: an object is "created" by admitting it into the served mesh ({@link XdsControlPlane}); it is
 * Active once admitted, which makes it part of the next snapshot (at most {@code appmesh.xds.debounce-max} later). No
 * AWS call is made and no ARN exists: the status' ARN fields stay empty. What Envoy would refuse is refused here, as
 * a backend error on the object, so that it never reaches a proxy; the last admitted version stays served.
 */
@ApplicationScoped
@Typed(XdsMeshBackend.class)
public class XdsMeshBackend implements MeshBackend {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final XdsControlPlane plane;

    public XdsMeshBackend(XdsControlPlane plane) {
        this.plane = plane;
    }

    @Override
    public BackendState sync(Mesh mesh) {
        plane.admit(mesh);
        return new BackendState(null, true);
    }

    @Override
    public void delete(Mesh mesh, boolean recorded) {
        plane.remove(mesh.getKind(), null, mesh.getMetadata().getName());
    }

    @Override
    public BackendState syncVirtualNode(Resolved<VirtualNode> node) {
        checkAcm("VirtualNode", TlsModels.acmFields(node.resource()));
        VirtualNode served = withGroupBackends(node);
        checkClientPolicies(served, node.mesh());
        String group = NodeGroups.virtualNode(node.mesh().getSpec().getAwsName(), node.resource().getSpec().getAwsName());
        admitOwner(served, group);
        return new BackendState(null, true, Map.of(), plane.feedback().rejection(group).orElse(null));
    }

    /**
     * The node as served: the services its backend groups resolved to (only with {@code enable-backend-groups}, as
     * upstream) appended to its backends, so that translation sees exactly what the reconciler gated.
     */
    private static VirtualNode withGroupBackends(Resolved<VirtualNode> resolved) {
        VirtualNode copy = SERIALIZATION.clone(resolved.resource());
        copy.getSpec().setBackendGroups(null);
        if (!resolved.groupBackends().isEmpty()) {
            List<Backend> backends = new ArrayList<>(Optional.ofNullable(copy.getSpec().getBackends()).orElse(List.of()));
            for (VirtualService service : resolved.groupBackends()) {
                VirtualServiceReference ref = new VirtualServiceReference();
                ref.setName(service.getMetadata().getName());
                ref.setNamespace(service.getMetadata().getNamespace());
                VirtualServiceBackend vs = new VirtualServiceBackend();
                vs.setVirtualServiceRef(ref);
                Backend backend = new Backend();
                backend.setVirtualService(vs);
                backends.add(backend);
            }
            copy.getSpec().setBackends(backends);
        }
        return copy;
    }

    @Override
    public void delete(MeshScope mesh, VirtualNode node, boolean recorded) {
        plane.remove(node.getKind(), node.getMetadata().getNamespace(), node.getMetadata().getName());
    }

    @Override
    public BackendState syncVirtualService(Resolved<VirtualService> service) {
        plane.admit(service.resource());
        return new BackendState(null, true);
    }

    @Override
    public void delete(MeshScope mesh, VirtualService service, boolean recorded) {
        plane.remove(service.getKind(), service.getMetadata().getNamespace(), service.getMetadata().getName());
    }

    @Override
    public BackendState syncVirtualRouter(Resolved<VirtualRouter> router) {
        checkRegexes(router.resource().getSpec().getRoutes(), "spec.routes");
        plane.admit(router.resource());
        return new BackendState(null, true);
    }

    /**
     * Envoy compiles every regex with RE2 and refuses the whole resource on one it cannot compile (a router's routes
     * and a gateway's routes both end up in one RouteConfiguration with others' routes).
     *
     * @param routes the part of a spec holding route matches: every {@code regex} field below it is checked
     * @param path where that part is in the object, for the message
     */
    static void checkRegexes(Object routes, String path) {
        if (routes == null) {
            return;
        }
        List<String> invalid = new ArrayList<>();
        walk(SERIALIZATION.convertValue(routes, JsonNode.class), (at, regex) -> {
            try {
                com.google.re2j.Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                invalid.add(at + " " + e.getMessage());
            }
        }, path);
        if (!invalid.isEmpty()) {
            throw new BackendException("InvalidRegex",
                    "a regex Envoy (RE2) cannot compile: " + String.join("; ", invalid), null, false);
        }
    }

    /**
     * ACM certificates and ACM private CAs were turned into keys and trust bundles by App Mesh's management service,
     * inside AWS; this operator cannot read them. Serving the object without them would be plaintext where the user
     * asked for TLS, so it is refused (its last admitted version, if any, stays served).
     */
    static void checkAcm(String kind, List<String> fields) {
        if (!fields.isEmpty()) {
            throw new BackendException(ACM_NOT_SERVED, kind + " uses ACM (" + String.join(", ", fields)
                    + "), which the xds backend cannot serve without AWS: use certificate/trust `file` (a Secret "
                    + "mounted with the appmesh.k8s.aws/secretMounts annotation) or `sds` (e.g. SPIRE) instead",
                    null, false);
        }
    }

    /**
     * A group is one node's configuration and the set of pods allowed to read it: a second object with the same mesh,
     * kind and awsName (awsName is free on create, so another namespace can pick it) would share or replace it. The
     * object already served keeps it; this one is refused (its own last admitted version, if any, stays served —
     * it cannot have had this group, or it would be the owner).
     */
    private void admitOwner(io.fabric8.kubernetes.api.model.HasMetadata object, String group) {
        plane.admitOwner(object, group).ifPresent(owner -> {
            throw new BackendException(AWS_NAME_CONFLICT, object.getKind() + " awsName "
                    + ((object instanceof VirtualNode n)
                            ? n.getSpec().getAwsName()
                            : ((VirtualGateway) object).getSpec().getAwsName())
                    + " is already used in this mesh by " + GroupOwners.describe(owner) + " (xDS group " + group
                    + "): give this one another spec.awsName", null, false);
        });
    }

    /** The condition reason of an object refused because another has its mesh, kind and awsName. */
    static final String AWS_NAME_CONFLICT = "AwsNameConflict";

    /**
     * Two backends whose routes reach the same target listener share one cluster, which can originate TLS only one
     * way ({@link TlsTranslator#clientPolicy}): enforcing policies that differ there are refused rather than one chosen
     * silently. The node's model is built from the served mesh (endpoints do not matter here). A conflict that a later
     * change of another object creates (a router now routing to the same listener) is caught by translation instead:
     * the node's proxies keep their last configuration, logged and counted as a translation failure.
     */
    void checkClientPolicies(VirtualNode node, Mesh mesh) {
        if (!hasClientPolicy(node)) {
            return;
        }
        NodeModel model;
        try {
            model = new NodeModels(plane.served(), n -> List.of()).build(node, mesh);
        } catch (RuntimeException e) {
            return; // what cannot be modelled fails (and is reported by) translation, as before this check
        }
        List<String> conflicts = TlsTranslator.conflicts(model);
        if (!conflicts.isEmpty()) {
            throw new BackendException(CONFLICTING_CLIENT_POLICIES, String.join("; ", conflicts), null, false);
        }
    }

    private static boolean hasClientPolicy(VirtualNode node) {
        if (node.getSpec().getBackendDefaults() != null && node.getSpec().getBackendDefaults().getClientPolicy() != null) {
            return true;
        }
        return Optional.ofNullable(node.getSpec().getBackends()).orElse(List.of()).stream()
                .anyMatch(b -> b.getVirtualService() != null && b.getVirtualService().getClientPolicy() != null);
    }

    /** The condition reason of a node whose backends enforce different client policies towards one target listener. */
    static final String CONFLICTING_CLIENT_POLICIES = "ConflictingClientPolicies";

    /** The condition reason of an object refused for naming ACM. */
    static final String ACM_NOT_SERVED = "AcmNotServedByXds";

    private static void walk(JsonNode node, BiConsumer<String, String> regex, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("regex") && field.getValue().isTextual()) {
                    regex.accept(path + ".regex", field.getValue().asText());
                } else {
                    walk(field.getValue(), regex, path + "." + field.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), regex, path + "[" + i + "]");
            }
        }
    }

    @Override
    public void delete(MeshScope mesh, VirtualRouter router, boolean recorded) {
        plane.remove(router.getKind(), router.getMetadata().getNamespace(), router.getMetadata().getName());
    }

    @Override
    public BackendState syncVirtualGateway(Resolved<VirtualGateway> gateway) {
        checkAcm("VirtualGateway", TlsModels.acmFields(gateway.resource()));
        String group = NodeGroups.virtualGateway(gateway.mesh().getSpec().getAwsName(),
                gateway.resource().getSpec().getAwsName());
        admitOwner(gateway.resource(), group);
        return new BackendState(null, true, Map.of(), plane.feedback().rejection(group).orElse(null));
    }

    @Override
    public void delete(MeshScope mesh, VirtualGateway gateway, boolean recorded) {
        plane.remove(gateway.getKind(), gateway.getMetadata().getNamespace(), gateway.getMetadata().getName());
    }

    /**
     * The reconciler has resolved the route's gateway and target services (a missing or inactive target refuses it
     * there, as with AWS); what is left is what Envoy itself would refuse.
     */
    @Override
    public BackendState syncGatewayRoute(Resolved<GatewayRoute> route, String virtualGatewayName) {
        checkRegexes(route.resource().getSpec(), "spec");
        plane.admit(route.resource());
        return new BackendState(null, true);
    }

    @Override
    public void delete(MeshScope mesh, String virtualGatewayName, GatewayRoute route, boolean recorded) {
        plane.remove(route.getKind(), route.getMetadata().getNamespace(), route.getMetadata().getName());
    }

    @Override
    public void watchProxies(BiConsumer<String, String> nodeChanged) {
        plane.feedback().listen(group -> plane.served().all(VirtualNode.class).stream()
                .filter(node -> node.getSpec().getMeshRef() != null
                        && plane.served().get(Mesh.class, null, node.getSpec().getMeshRef().getName())
                                .map(mesh -> group.equals(NodeGroups.virtualNode(mesh.getSpec().getAwsName(),
                                        node.getSpec().getAwsName())))
                                .orElse(false))
                .forEach(node -> nodeChanged.accept(node.getMetadata().getNamespace(), node.getMetadata().getName())));
    }

    @Override
    public void watchGatewayProxies(BiConsumer<String, String> gatewayChanged) {
        plane.feedback().listen(group -> plane.served().all(VirtualGateway.class).stream()
                .filter(gateway -> gateway.getSpec().getMeshRef() != null
                        && plane.served().get(Mesh.class, null, gateway.getSpec().getMeshRef().getName())
                                .map(mesh -> group.equals(NodeGroups.virtualGateway(mesh.getSpec().getAwsName(),
                                        gateway.getSpec().getAwsName())))
                                .orElse(false))
                .forEach(gateway -> gatewayChanged.accept(gateway.getMetadata().getNamespace(),
                        gateway.getMetadata().getName())));
    }
}
