package io.appmesh.operator.webhook.crd;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.webhook.admission.AdmissionErrored;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.appmesh.operator.webhook.admission.AdmissionReviews;
import io.appmesh.operator.webhook.admission.WebhookMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.zjsonpatch.JsonDiff;

/**
 * Serves the CRD webhooks on upstream's paths, {@code /mutate-appmesh-k8s-aws-v1beta2-<kind>} and
 * {@code /validate-appmesh-k8s-aws-v1beta2-<kind>}, and only hands decoded objects to the kind's {@link Defaulter} or
 * {@link Validator}. Undecodable input answers code 400, a refusal 403; nothing here answers 500 for bad input.
 */
@Path("/")
public class CrdAdmissionEndpoint {

    private static final String PATH_PREFIX = "appmesh-k8s-aws-v1beta2-";

    private final ObjectMapper mapper;
    private final Map<String, Defaulter<?>> defaulters = new HashMap<>();
    private final Map<String, Validator<?>> validators = new HashMap<>();

    private final WebhookMetrics metrics;

    public CrdAdmissionEndpoint(ObjectMapper objectMapper, Instance<Defaulter<?>> defaulters,
            Instance<Validator<?>> validators, WebhookMetrics metrics) {
        this.metrics = metrics;
        // Longs for every integer, so that a number read from the request and one written from the model compare equal
        // and a patch never rewrites a value that did not change.
        this.mapper = objectMapper.copy().enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        defaulters.forEach(d -> this.defaulters.put(HasMetadata.getKind(d.type()).toLowerCase(Locale.ROOT), d));
        validators.forEach(v -> this.validators.put(HasMetadata.getKind(v.type()).toLowerCase(Locale.ROOT), v));
    }

    @POST
    @Path("mutate-" + PATH_PREFIX + "{kind}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode mutate(@PathParam("kind") String kind, String body) {
        String webhook = "/mutate-" + PATH_PREFIX + kind;
        return metrics.finished(webhook, metrics.started(webhook), handle(body, kind, defaulters.get(kind), this::mutate));
    }

    @POST
    @Path("validate-" + PATH_PREFIX + "{kind}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode validate(@PathParam("kind") String kind, String body) {
        String webhook = "/validate-" + PATH_PREFIX + kind;
        return metrics.finished(webhook, metrics.started(webhook), handle(body, kind, validators.get(kind), this::validate));
    }

    private interface Step<H> {
        ObjectNode apply(H handler, AdmissionRequest request);
    }

    private <H> ObjectNode handle(String body, String kind, H handler, Step<H> step) {
        return AdmissionReviews.answer(mapper, body, request -> {
            if (handler == null) {
                throw new AdmissionErrored("no webhook for kind \"" + kind + "\" in " + AppMeshApi.API_VERSION);
            }
            return step.apply(handler, request);
        }, request -> kind + " " + request.namespace() + "/" + request.name());
    }

    private <T extends CustomResource<?, ?>> ObjectNode mutate(Defaulter<T> defaulter, AdmissionRequest request) {
        if (!request.isCreate() && !request.isUpdate()) {
            return AdmissionReviews.allowed(mapper, request.uid());
        }
        T obj = decode(request.object(), defaulter.type());
        if (request.isCreate()) {
            defaulter.mutateCreate(obj, request);
        } else {
            defaulter.mutateUpdate(obj, decode(request.oldObject(), defaulter.type()), request);
        }
        return AdmissionReviews.patched(mapper, request.uid(), specPatch(request.object(), obj));
    }

    private <T extends CustomResource<?, ?>> ObjectNode validate(Validator<T> validator, AdmissionRequest request) {
        if (request.isCreate()) {
            validator.validateCreate(decode(request.object(), validator.type()), request);
        } else if (request.isUpdate()) {
            validator.validateUpdate(decode(request.object(), validator.type()),
                    decode(request.oldObject(), validator.type()), request);
        }
        return AdmissionReviews.allowed(mapper, request.uid());
    }

    private <T extends CustomResource<?, ?>> T decode(JsonNode raw, Class<T> type) {
        if (raw == null) {
            throw new AdmissionErrored("there is no content to decode");
        }
        String apiVersion = raw.path("apiVersion").asText();
        String kind = raw.path("kind").asText();
        String expected = HasMetadata.getKind(type);
        if (!AppMeshApi.API_VERSION.equals(apiVersion) || !expected.equals(kind)) {
            throw new AdmissionErrored("unable to decode " + (apiVersion.isEmpty() ? "<no apiVersion>" : apiVersion) + ", Kind="
                    + (kind.isEmpty() ? "<no kind>" : kind) + " into " + AppMeshApi.API_VERSION + ", Kind=" + expected);
        }
        try {
            return mapper.treeToValue(raw, type);
        } catch (Exception e) {
            throw new AdmissionErrored("unable to decode " + expected + ": " + AdmissionReviews.firstLine(e.getMessage()), e);
        }
    }

    /**
     * The patch from what the user sent to the mutated object. Only {@code spec} can change, and the mutated spec is laid
     * over the raw one rather than replacing it, so unknown keys the model dropped stay untouched.
     */
    private ArrayNode specPatch(JsonNode raw, CustomResource<?, ?> mutated) {
        ObjectNode target = raw.deepCopy();
        JsonNode spec = mapper.valueToTree(mutated.getSpec());
        if (spec != null && spec.isObject() && !spec.isEmpty()) {
            JsonNode rawSpec = target.get("spec");
            if (rawSpec instanceof ObjectNode rawSpecObject) {
                overlay(rawSpecObject, (ObjectNode) spec);
            } else {
                target.set("spec", spec);
            }
        }
        return (ArrayNode) JsonDiff.asJson(raw, target);
    }

    private static void overlay(ObjectNode base, ObjectNode changes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode currentObject && e.getValue() instanceof ObjectNode changed) {
                overlay(currentObject, changed);
            } else if (!e.getValue().equals(current)) {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
