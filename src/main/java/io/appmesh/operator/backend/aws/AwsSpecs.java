package io.appmesh.operator.backend.aws;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.AppMeshArns;
import io.appmesh.operator.mesh.Resolved;

import software.amazon.awssdk.services.appmesh.model.GatewayRouteSpec;
import software.amazon.awssdk.services.appmesh.model.MeshSpec;
import software.amazon.awssdk.services.appmesh.model.RouteSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualGatewaySpec;
import software.amazon.awssdk.services.appmesh.model.VirtualNodeSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualRouterSpec;
import software.amazon.awssdk.services.appmesh.model.VirtualServiceSpec;

/**
 * The App Mesh spec each resource asks for (upstream's SDK spec mapping). The CRDs mirror the App
 * Mesh API shapes, so a spec is the resource's spec as JSON minus the Kubernetes-only fields, with every reference
 * replaced by the referenced object's AWS name; {@link SdkJson} turns that into the SDK type and refuses any field the
 * API does not have.
 */
final class AwsSpecs {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private AwsSpecs() {
    }

    static MeshSpec mesh(Mesh mesh) {
        ObjectNode spec = tree(mesh.getSpec());
        spec.remove(List.of("awsName", "meshOwner", "namespaceSelector"));
        JsonNode discovery = spec.remove("meshServiceDiscovery");
        if (discovery != null) {
            spec.set("serviceDiscovery", discovery);
        }
        // AWS stores DROP_ALL when no filter is given. Upstream sends nothing and so sees a difference on every pass;
        // asking for the default explicitly keeps a converged mesh free of writes.
        if (!spec.has("egressFilter")) {
            spec.putObject("egressFilter").put("type", "DROP_ALL");
        }
        return SdkJson.read(spec, MeshSpec.builder());
    }

    static VirtualNodeSpec virtualNode(Resolved<VirtualNode> resolved) {
        ObjectNode spec = tree(resolved.resource().getSpec());
        spec.remove(List.of("awsName", "meshRef", "podSelector", "backendGroups"));
        for (JsonNode backend : spec.path("backends")) {
            JsonNode service = backend.path("virtualService");
            if (service instanceof ObjectNode target) {
                target.put("virtualServiceName", reference(resolved, "VirtualService", target, "virtualServiceRef",
                        "virtualServiceARN"));
            }
        }
        if (!resolved.groupBackendNames().isEmpty()) {
            var backends = spec.withArray("backends");
            resolved.groupBackendNames().forEach(name -> backends.addObject().putObject("virtualService")
                    .put("virtualServiceName", name));
        }
        return SdkJson.read(spec, VirtualNodeSpec.builder());
    }

    static VirtualServiceSpec virtualService(Resolved<VirtualService> resolved) {
        ObjectNode spec = tree(resolved.resource().getSpec());
        spec.remove(List.of("awsName", "meshRef"));
        if (spec.path("provider").path("virtualNode") instanceof ObjectNode node) {
            node.put("virtualNodeName", reference(resolved, "VirtualNode", node, "virtualNodeRef", "virtualNodeARN"));
        }
        if (spec.path("provider").path("virtualRouter") instanceof ObjectNode router) {
            router.put("virtualRouterName",
                    reference(resolved, "VirtualRouter", router, "virtualRouterRef", "virtualRouterARN"));
        }
        return SdkJson.read(spec, VirtualServiceSpec.builder());
    }

    static VirtualRouterSpec virtualRouter(VirtualRouter router) {
        ObjectNode spec = JSON.createObjectNode();
        if (router.getSpec().getListeners() != null) {
            spec.set("listeners", JSON.valueToTree(router.getSpec().getListeners()));
        }
        return SdkJson.read(spec, VirtualRouterSpec.builder());
    }

    static RouteSpec route(Resolved<VirtualRouter> resolved, Route route) {
        ObjectNode spec = tree(route);
        spec.remove("name");
        for (String type : List.of("httpRoute", "http2Route", "grpcRoute", "tcpRoute")) {
            for (JsonNode target : spec.path(type).path("action").path("weightedTargets")) {
                ObjectNode weighted = (ObjectNode) target;
                weighted.put("virtualNode",
                        reference(resolved, "VirtualNode", weighted, "virtualNodeRef", "virtualNodeARN"));
            }
        }
        return SdkJson.read(spec, RouteSpec.builder());
    }

    static VirtualGatewaySpec virtualGateway(VirtualGateway gateway) {
        ObjectNode spec = tree(gateway.getSpec());
        spec.remove(List.of("awsName", "meshRef", "namespaceSelector", "podSelector", "gatewayRouteSelector"));
        return SdkJson.read(spec, VirtualGatewaySpec.builder());
    }

    static GatewayRouteSpec gatewayRoute(Resolved<GatewayRoute> resolved) {
        ObjectNode spec = tree(resolved.resource().getSpec());
        spec.remove(List.of("awsName", "meshRef", "virtualGatewayRef"));
        for (String type : List.of("httpRoute", "http2Route", "grpcRoute")) {
            if (spec.path(type).path("action").path("target").path("virtualService") instanceof ObjectNode service) {
                service.put("virtualServiceName",
                        reference(resolved, "VirtualService", service, "virtualServiceRef", "virtualServiceARN"));
            }
        }
        return SdkJson.read(spec, GatewayRouteSpec.builder());
    }

    /**
     * Replaces a {@code <kind>Ref}/{@code <kind>ARN} pair by the AWS name it designates: the ARN wins when both are
     * given (upstream), an empty block gives "" (upstream sends that, and AWS refuses it with a readable message).
     */
    private static String reference(Resolved<?> resolved, String kind, ObjectNode holder, String refField,
            String arnField) {
        JsonNode arn = holder.remove(arnField);
        JsonNode ref = holder.remove(refField);
        if (arn != null && !arn.asText().isEmpty()) {
            // Checked during resolution; the name is what App Mesh is sent.
            return AppMeshArns.name(arnField, arn.asText());
        }
        if (ref != null) {
            return resolved.awsNameOf(kind, ref.path("namespace").asText(null), ref.path("name").asText());
        }
        return "";
    }

    private static ObjectNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
