package io.appmesh.operator.webhook.admission;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.mesh.MembershipException;

/**
 * Reads AdmissionReview requests and writes their responses. Responses always travel with HTTP 200: the API server
 * shows a webhook's {@code status.message} to the user only from a well-formed review, while a non-200 answer becomes
 * an opaque "failed calling webhook" error. Decoding problems therefore answer 200 with {@code status.code: 400}, as
 * controller-runtime does.
 */
public final class AdmissionReviews {

    public static final String API_VERSION = "admission.k8s.io/v1";
    private static final Logger LOG = Logger.getLogger(AdmissionReviews.class);

    private AdmissionReviews() {
    }

    /**
     * @throws AdmissionErrored when the body is not an AdmissionReview with a request
     */
    public static AdmissionRequest parse(ObjectMapper mapper, String body) {
        JsonNode review;
        try {
            review = mapper.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new AdmissionErrored("unable to decode AdmissionReview: " + firstLine(e.getMessage()), e);
        }
        if (review == null || !review.isObject()) {
            throw new AdmissionErrored("unable to decode AdmissionReview: request body is empty or not a JSON object");
        }
        if (!"AdmissionReview".equals(review.path("kind").asText())) {
            throw new AdmissionErrored("unable to decode AdmissionReview: kind must be AdmissionReview, got \""
                    + review.path("kind").asText() + "\"");
        }
        JsonNode request = review.get("request");
        if (request == null || !request.isObject()) {
            throw new AdmissionErrored("unable to decode AdmissionReview: request is missing");
        }
        return new AdmissionRequest(request.path("uid").asText(""), request.path("operation").asText(""),
                request.path("namespace").asText(""), request.path("name").asText(""), nullIfMissing(request.get("object")),
                nullIfMissing(request.get("oldObject")));
    }

    /**
     * Parses the review, hands the request to {@code handler} and turns its exceptions into answers: undecodable input
     * code 400, a refusal 403 with its message, anything unexpected logged (with {@code subject} of the request) and
     * refused — the webhooks are registered fail-closed, so a refusal with a message is the safe answer, never a 500.
     */
    public static ObjectNode answer(ObjectMapper mapper, String body, Function<AdmissionRequest, ObjectNode> handler,
            Function<AdmissionRequest, String> subject) {
        AdmissionRequest request = null;
        String uid = "";
        try {
            request = parse(mapper, body);
            uid = request.uid();
            return handler.apply(request);
        } catch (AdmissionErrored e) {
            return errored(mapper, uid, e.getMessage());
        } catch (AdmissionDenied | MembershipException e) {
            return denied(mapper, uid, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "admission of %s failed", request == null ? "an unreadable review" : subject.apply(request));
            return denied(mapper, uid, "internal error: " + e);
        }
    }

    public static ObjectNode allowed(ObjectMapper mapper, String uid) {
        ObjectNode review = review(mapper, uid, true);
        ((ObjectNode) review.get("response")).putObject("status").put("code", 200);
        return review;
    }

    /** An allowed response carrying an RFC 6902 patch; an empty patch is sent as a plain allow. */
    public static ObjectNode patched(ObjectMapper mapper, String uid, ArrayNode patch) {
        ObjectNode review = allowed(mapper, uid);
        if (patch != null && !patch.isEmpty()) {
            ObjectNode response = (ObjectNode) review.get("response");
            response.put("patchType", "JSONPatch");
            response.put("patch", Base64.getEncoder().encodeToString(patch.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return review;
    }

    public static ObjectNode denied(ObjectMapper mapper, String uid, String message) {
        ObjectNode review = review(mapper, uid, false);
        ((ObjectNode) review.get("response")).putObject("status").put("code", 403).put("reason", "Forbidden")
                .put("message", message);
        return review;
    }

    public static ObjectNode errored(ObjectMapper mapper, String uid, String message) {
        ObjectNode review = review(mapper, uid, false);
        ((ObjectNode) review.get("response")).putObject("status").put("code", 400).put("message", message);
        return review;
    }

    private static ObjectNode review(ObjectMapper mapper, String uid, boolean allowed) {
        ObjectNode review = mapper.createObjectNode().put("apiVersion", API_VERSION).put("kind", "AdmissionReview");
        review.putObject("response").put("uid", uid).put("allowed", allowed);
        return review;
    }

    private static JsonNode nullIfMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** The first line of an exception message: parser messages go on to quote the whole input. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
