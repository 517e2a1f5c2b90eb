package io.appmesh.operator.mesh;

/**
 * A reference that cannot be followed yet. {@link #reason()} goes into the {@code <Kind>Active} condition; the message is
 * upstream's error text. {@link #waiting()} tells a dependency that exists but is not Active yet (re-triggered when it
 * becomes Active) from a reference that is wrong (dangling, another mesh, UID mismatch), which only a change of the
 * input fixes.
 */
public class ReferenceException extends RuntimeException {

    private final String reason;
    private final boolean waiting;

    private ReferenceException(String reason, String message, boolean waiting) {
        super(message);
        this.reason = reason;
        this.waiting = waiting;
    }

    public static ReferenceException notActive(String kind) {
        return new ReferenceException(kind + "NotActive",
                Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + " is not active yet", true);
    }

    public static ReferenceException invalid(String reason, String message) {
        return new ReferenceException(reason, message, false);
    }

    public String reason() {
        return reason;
    }

    public boolean waiting() {
        return waiting;
    }
}
