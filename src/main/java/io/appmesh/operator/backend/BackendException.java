package io.appmesh.operator.backend;

/**
 * A backend call that did not succeed. {@link #reason()} is a short CamelCase word for status conditions (for AWS, the
 * error code); the message says which call failed and why, in the API's own words.
 */
public class BackendException extends RuntimeException {

    private final String reason;
    private final boolean transientFailure;

    public BackendException(String reason, String message, Throwable cause) {
        this(reason, message, cause, false);
    }

    /**
     * @param transientFailure the backend could not answer (throttled, unavailable, unreachable) after its retries: the
     *        same request may well succeed later, so it says nothing about the resource itself
     */
    public BackendException(String reason, String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.reason = reason;
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    public String reason() {
        return reason;
    }
}
