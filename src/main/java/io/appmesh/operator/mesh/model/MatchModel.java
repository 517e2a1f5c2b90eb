package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * A route match. Exactly one of {@code prefix}, {@code exactPath}, {@code regexPath} is set for http routes; grpc
 * routes set {@code grpcService}/{@code grpcMethod} (both optional) instead.
 *
 * @param headers header matches (grpc: metadata)
 * @param method the HTTP method, or null
 * @param scheme http or https, or null
 * @param queryParameters query parameter matches
 */
public record MatchModel(String prefix, String exactPath, String regexPath, List<HeaderMatch> headers, String method,
        String scheme, List<QueryMatch> queryParameters, String grpcService, String grpcMethod) {

    public enum Kind {
        PRESENT, EXACT, PREFIX, SUFFIX, REGEX, RANGE
    }

    /** {@code value} for exact/prefix/suffix/regex; {@code start} (inclusive) and {@code end} (exclusive) for range. */
    public record HeaderMatch(String name, Kind kind, String value, long start, long end, boolean invert) {
    }

    /** An exact value, or presence when {@code exact} is null. */
    public record QueryMatch(String name, String exact) {
    }
}
