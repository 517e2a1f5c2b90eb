package io.appmesh.operator.mesh.model;

import java.util.Locale;

/** A listener's or route's protocol, as App Mesh spells it in resource names ({@link #value}). */
public enum Protocol {
    HTTP, HTTP2, GRPC, TCP;

    /** {@code http}, {@code http2}, {@code grpc}, {@code tcp}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** HTTP/2 towards the application (http2 and grpc). */
    public boolean http2() {
        return this == HTTP2 || this == GRPC;
    }

    public static Protocol of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
