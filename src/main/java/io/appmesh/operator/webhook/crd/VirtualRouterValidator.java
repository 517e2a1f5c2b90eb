package io.appmesh.operator.webhook.crd;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualrouter.HTTPRoute;
import io.appmesh.operator.api.v1beta2.virtualrouter.HTTPRouteMatch;
import io.appmesh.operator.api.v1beta2.virtualrouter.Route;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * VirtualRouter validation: (UPDATE) awsName and meshRef are immutable; route names are unique; an HTTP or HTTP/2
 * route matches on exactly one of prefix and path, and a path on exactly one of exact and regex. gRPC and TCP routes
 * are left to App Mesh, as upstream does.
 */
@ApplicationScoped
public class VirtualRouterValidator implements Validator<VirtualRouter> {

    @Override
    public Class<VirtualRouter> type() {
        return VirtualRouter.class;
    }

    @Override
    public void validateCreate(VirtualRouter vr, AdmissionRequest request) {
        checkDuplicateRoutes(vr);
        checkRoutes(vr);
    }

    @Override
    public void validateUpdate(VirtualRouter vr, VirtualRouter old, AdmissionRequest request) {
        Immutability.ofMember("VirtualRouter", vr.getSpec(), old.getSpec()).enforce();
        checkDuplicateRoutes(vr);
        checkRoutes(vr);
    }

    private static void checkDuplicateRoutes(VirtualRouter vr) {
        if (vr.getSpec().getRoutes() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (Route route : vr.getSpec().getRoutes()) {
            if (!names.add(route.getName())) {
                throw new AdmissionDenied("VirtualRouter-" + vr.getMetadata().getName() + " has duplicate route entries for "
                        + route.getName());
            }
        }
    }

    private static void checkRoutes(VirtualRouter vr) {
        if (vr.getSpec().getRoutes() == null) {
            return;
        }
        for (Route route : vr.getSpec().getRoutes()) {
            HTTPRoute http = route.getHttpRoute() != null ? route.getHttpRoute() : route.getHttp2Route();
            if (http != null && http.getMatch() != null) {
                checkMatch(http.getMatch());
            }
        }
    }

    private static void checkMatch(HTTPRouteMatch match) {
        if (match.getPrefix() == null && match.getPath() == null) {
            throw new AdmissionDenied("Either Prefix or Path must be specified");
        }
        if (match.getPrefix() != null && match.getPath() != null) {
            throw new AdmissionDenied("Both Prefix and Path cannot be specified, only 1 allowed");
        }
        PathMatches.check(match.getPath());
    }
}
