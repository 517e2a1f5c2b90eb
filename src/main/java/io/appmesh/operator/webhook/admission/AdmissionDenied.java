package io.appmesh.operator.webhook.admission;

/**
 * A mutator or validator refuses the object. It becomes {@code allowed: false}, code 403, reason Forbidden, with this
 * message, exactly as upstream's {@code admission.Denied}.
 */
public class AdmissionDenied extends RuntimeException {

    public AdmissionDenied(String message) {
        super(message);
    }
}
