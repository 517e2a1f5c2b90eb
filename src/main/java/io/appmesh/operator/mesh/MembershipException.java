package io.appmesh.operator.mesh;

/** An object's membership (in a mesh, of a virtual gateway) cannot be decided; the message is shown to the user. */
public class MembershipException extends RuntimeException {

    public MembershipException(String message) {
        super(message);
    }

    public MembershipException(String message, Throwable cause) {
        super(message, cause);
    }
}
