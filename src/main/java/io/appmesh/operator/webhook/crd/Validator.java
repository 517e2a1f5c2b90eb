package io.appmesh.operator.webhook.crd;

import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * The validating webhook of one kind ({@code /validate-appmesh-k8s-aws-v1beta2-<kind>}). Deletes are always allowed,
 * as upstream's validators allow them.
 *
 * @param <T> the kind
 */
public interface Validator<T extends CustomResource<?, ?>> {

    Class<T> type();

    /** @throws AdmissionDenied with the first rule the object breaks */
    default void validateCreate(T obj, AdmissionRequest request) {
    }

    /** @throws AdmissionDenied with the first rule the object breaks */
    default void validateUpdate(T obj, T old, AdmissionRequest request) {
    }
}
