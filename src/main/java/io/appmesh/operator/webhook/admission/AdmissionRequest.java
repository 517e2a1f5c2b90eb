package io.appmesh.operator.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an {@code admission.k8s.io/v1} AdmissionReview request that the CRD webhooks use. {@code namespace} is
 * the request's namespace, which is set even when the object's metadata.namespace is not.
 */
public record AdmissionRequest(String uid, String operation, String namespace, String name, JsonNode object,
        JsonNode oldObject) {

    public boolean isCreate() {
        return "CREATE".equals(operation);
    }

    public boolean isUpdate() {
        return "UPDATE".equals(operation);
    }
}
