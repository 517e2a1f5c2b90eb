package io.appmesh.operator.webhook.crd;

import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * The mutating webhook of one kind ({@code /mutate-appmesh-k8s-aws-v1beta2-<kind>}). Implementations change the object
 * in place; the endpoint turns the change into a JSON patch against what the user sent, so fields this model does not
 * know are never touched.
 *
 * @param <T> the kind
 */
public interface Defaulter<T extends CustomResource<?, ?>> {

    Class<T> type();

    /** @throws AdmissionDenied to refuse the object */
    void mutateCreate(T obj, AdmissionRequest request);

    /** @throws AdmissionDenied to refuse the object */
    default void mutateUpdate(T obj, T old, AdmissionRequest request) {
    }
}
