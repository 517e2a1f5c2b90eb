package io.appmesh.operator.webhook.admission;

/** The review or its object cannot be decoded: {@code allowed: false} with code 400, as upstream's {@code Errored}. */
public class AdmissionErrored extends RuntimeException {

    public AdmissionErrored(String message) {
        super(message);
    }

    public AdmissionErrored(String message, Throwable cause) {
        super(message, cause);
    }
}
