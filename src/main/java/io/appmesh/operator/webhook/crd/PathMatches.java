package io.appmesh.operator.webhook.crd;

import io.appmesh.operator.api.v1beta2.common.HTTPPathMatch;
import io.appmesh.operator.webhook.admission.AdmissionDenied;

/** The path-match rule VirtualRouter and GatewayRoute share: exactly one of exact and regex. */
final class PathMatches {

    private PathMatches() {
    }

    static void check(HTTPPathMatch path) {
        if (path == null) {
            return;
        }
        if (path.getExact() == null && path.getRegex() == null) {
            throw new AdmissionDenied("Either exact or regex for path must be specified");
        }
        if (path.getExact() != null && path.getRegex() != null) {
            throw new AdmissionDenied("Both exact and regex for path are not allowed. Only one must be specified");
        }
    }
}
