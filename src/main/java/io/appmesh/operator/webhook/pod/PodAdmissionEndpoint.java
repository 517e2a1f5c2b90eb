package io.appmesh.operator.webhook.pod;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.ClusterView;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionErrored;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.appmesh.operator.webhook.admission.AdmissionReviews;
import io.appmesh.operator.webhook.admission.WebhookMetrics;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.zjsonpatch.JsonDiff;

/**
 * {@code /mutate-v1-pod}: Envoy sidecar injection. Reads what the decision needs (the namespace, its VirtualNodes and
 * VirtualGateways, the matched object's Mesh), lets {@link InjectionDecision} and {@link SidecarInjector} do the rest
 * and answers with the JSON patch. CREATE only; anything else passes unchanged. Failures refuse the pod (the webhook
 * is registered fail-closed) with a message, and internal errors are logged with the pod's namespace and name.
 */
@Path("/mutate-v1-pod")
public class PodAdmissionEndpoint {

    private final ObjectMapper mapper;
    private final ClusterView cluster;
    private final InjectionEnvironment environment;

    static final String WEBHOOK = "/mutate-v1-pod";

    private final WebhookMetrics metrics;

    public PodAdmissionEndpoint(ObjectMapper objectMapper, ClusterView cluster, InjectionEnvironment environment,
            WebhookMetrics metrics) {
        this.metrics = metrics;
        this.mapper = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.cluster = cluster;
        this.environment = environment;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode mutate(String body) {
        return metrics.finished(WEBHOOK, metrics.started(WEBHOOK), review(body));
    }

    private ObjectNode review(String body) {
        return AdmissionReviews.answer(mapper, body, request -> {
            if (!request.isCreate()) {
                return AdmissionReviews.allowed(mapper, request.uid());
            }
            Pod pod = decode(request.object());
            JsonNode before = mapper.valueToTree(pod);
            if (!inject(pod, request.namespace())) {
                return AdmissionReviews.allowed(mapper, request.uid());
            }
            // Diff the decoded pod before and after, so only what injection changed is patched.
            return AdmissionReviews.patched(mapper, request.uid(),
                    (ArrayNode) JsonDiff.asJson(before, mapper.valueToTree(pod)));
        }, PodAdmissionEndpoint::podName);
    }

    /** {@code pod <namespace>/<name or generateName>}, for the log of an unexpected failure. */
    private static String podName(AdmissionRequest request) {
        JsonNode metadata = request.object() == null ? null : request.object().path("metadata");
        String name = metadata == null ? "" : metadata.path("name").asText(metadata.path("generateName").asText(""));
        return "pod " + request.namespace() + "/" + name;
    }

    /** @return whether the pod was changed */
    private boolean inject(Pod pod, String namespace) {
        Namespace ns;
        List<VirtualNode> nodes;
        List<VirtualGateway> gateways;
        try {
            ns = cluster.namespace(namespace).orElseThrow(() -> new AdmissionDenied(
                    "failed to determine sidecarInject mode: namespaces \"" + namespace + "\" not found"));
            nodes = cluster.virtualNodes(namespace);
            gateways = cluster.virtualGateways(namespace);
        } catch (KubernetesClientException e) {
            throw new AdmissionDenied("failed to determine sidecarInject mode: " + e.getMessage());
        }
        Map<String, String> labels = ns.getMetadata().getLabels();
        InjectionDecision.Outcome outcome = InjectionDecision.evaluate(namespace, labels, pod, nodes, gateways);
        if (outcome instanceof InjectionDecision.InjectNode inject) {
            SidecarInjector.inject(pod, context(inject.node(), null, inject.node().getSpec().getMeshRef()));
            return true;
        }
        if (outcome instanceof InjectionDecision.InjectGateway inject) {
            SidecarInjector.inject(pod, context(null, inject.gateway(), inject.gateway().getSpec().getMeshRef()));
            return true;
        }
        return false;
    }

    private InjectionContext context(VirtualNode node, VirtualGateway gateway, MeshReference meshRef) {
        Mesh mesh;
        try {
            mesh = cluster.mesh(meshRef.getName()).orElse(null);
        } catch (KubernetesClientException e) {
            throw new AdmissionDenied("failed to resolve meshRef: unable to fetch mesh: " + meshRef.getName() + ": "
                    + e.getMessage());
        }
        if (mesh == null) {
            throw new AdmissionDenied("failed to resolve meshRef: unable to fetch mesh: " + meshRef.getName()
                    + ": meshes.appmesh.k8s.aws \"" + meshRef.getName() + "\" not found");
        }
        if (!Objects.equals(mesh.getMetadata().getUid(), meshRef.getUid())) {
            throw new AdmissionDenied("failed to resolve meshRef: mesh UID mismatch: " + meshRef.getName());
        }
        // The account only matters for a mesh with an owner: STS is not asked for the others.
        String account = mesh.getSpec().getMeshOwner() == null ? "" : environment.accountId();
        return new InjectionContext(node, gateway, mesh, environment.injection(), environment.region(), account,
                environment.kubernetesVersion(), environment.operatorVersion(), environment.xds());
    }

    private Pod decode(JsonNode raw) {
        if (raw == null) {
            throw new AdmissionErrored("there is no content to decode");
        }
        if (!"v1".equals(raw.path("apiVersion").asText("v1")) || !"Pod".equals(raw.path("kind").asText("Pod"))) {
            throw new AdmissionErrored("unable to decode " + raw.path("apiVersion").asText() + ", Kind="
                    + raw.path("kind").asText() + " into /v1, Kind=Pod");
        }
        try {
            return mapper.treeToValue(raw, Pod.class);
        } catch (Exception e) {
            throw new AdmissionErrored("unable to decode Pod: " + AdmissionReviews.firstLine(e.getMessage()), e);
        }
    }
}
