package io.appmesh.operator.webhook.crd;

import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.common.GRPCRouteMetadataMatchMethod;
import io.appmesh.operator.api.v1beta2.common.GatewayRouteHostnameMatch;
import io.appmesh.operator.api.v1beta2.common.HTTPQueryParameters;
import io.appmesh.operator.api.v1beta2.common.HeaderMatchMethod;
import io.appmesh.operator.api.v1beta2.common.MatchRange;
import io.appmesh.operator.api.v1beta2.gatewayroute.GRPCGatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GRPCGatewayRouteMetadata;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoutePrefixRewrite;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRouteSpec;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRoute;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRouteHeader;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRouteMatch;
import io.appmesh.operator.api.v1beta2.gatewayroute.HTTPGatewayRouteRewrite;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * GatewayRoute validation (upstream {@code gatewayroute_validator.go}): (UPDATE) awsName, meshRef and virtualGatewayRef
 * are immutable; exactly one route type; the match rules of gRPC and HTTP/HTTP2 routes; HTTP rewrites. gRPC rewrites
 * are left to App Mesh, as upstream does.
 */
@ApplicationScoped
public class GatewayRouteValidator implements Validator<GatewayRoute> {

    private static final String RANGE_ERROR = "Invalid Match Range specified, end has to be greater than start";

    @Override
    public Class<GatewayRoute> type() {
        return GatewayRoute.class;
    }

    @Override
    public void validateCreate(GatewayRoute route, AdmissionRequest request) {
        checkSpec(route.getSpec());
    }

    @Override
    public void validateUpdate(GatewayRoute route, GatewayRoute old, AdmissionRequest request) {
        GatewayRouteSpec spec = route.getSpec();
        Immutability.ofMember("GatewayRoute", spec, old.getSpec())
                .check("spec.virtualGatewayRef", spec.getVirtualGatewayRef(), old.getSpec().getVirtualGatewayRef())
                .enforce();
        checkSpec(spec);
    }

    private static void checkSpec(GatewayRouteSpec spec) {
        long types = Stream.of(spec.getGrpcRoute(), spec.getHttpRoute(), spec.getHttp2Route()).filter(r -> r != null).count();
        if (types == 0) {
            throw new AdmissionDenied("Missing GatewayRoute Type in GatewayRoute Spec");
        }
        if (types > 1) {
            throw new AdmissionDenied("Found multiple types in GatewayRoute Spec. Only 1 (GRPC/HTTP/HTTP2) allowed");
        }
        if (spec.getGrpcRoute() != null) {
            checkGrpc(spec.getGrpcRoute());
        } else {
            checkHttp(spec.getHttpRoute() != null ? spec.getHttpRoute() : spec.getHttp2Route());
        }
    }

    private static void checkGrpc(GRPCGatewayRoute route) {
        var match = route.getMatch();
        if (match == null) {
            return;
        }
        if (match.getServiceName() == null && match.getHostname() == null) {
            throw new AdmissionDenied("Either servicename or hostname must be specified");
        }
        if (match.getServiceName() == null) {
            checkHostname(match.getHostname());
        }
        List<GRPCGatewayRouteMetadata> metadata = match.getMetadata();
        if (metadata == null) {
            return;
        }
        for (GRPCGatewayRouteMetadata entry : metadata) {
            GRPCRouteMetadataMatchMethod m = entry.getMatch();
            if (m == null) {
                continue;
            }
            if (filters(m.getExact(), m.getPrefix(), m.getRegex(), m.getSuffix(), m.getRange()) > 1) {
                throw new AdmissionDenied("Too many Match Filters specified, only 1 allowed per metadata");
            }
            if (m.getRange() != null) {
                checkRange(m.getRange());
                return;
            }
        }
    }

    private static void checkHttp(HTTPGatewayRoute route) {
        HTTPGatewayRouteMatch match = route.getMatch();
        if (match != null) {
            checkHttpMatch(match);
        }
        if (route.getAction() != null && route.getAction().getRewrite() != null) {
            checkRewrite(route.getAction().getRewrite(), match);
        }
    }

    private static void checkHttpMatch(HTTPGatewayRouteMatch match) {
        if (match.getPrefix() == null && match.getPath() == null && match.getHostname() == null) {
            throw new AdmissionDenied("Either prefix or path or hostname must be specified");
        }
        if (match.getPrefix() != null && match.getPath() != null) {
            throw new AdmissionDenied("Both prefix and path cannot be specified. Only 1 allowed");
        }
        PathMatches.check(match.getPath());
        if (match.getHostname() != null) {
            checkHostname(match.getHostname());
        }
        // Upstream checks headers when there are any and query parameters only otherwise.
        if (match.getHeaders() != null && !match.getHeaders().isEmpty()) {
            checkHeaders(match.getHeaders());
        } else if (match.getQueryParameters() != null) {
            for (HTTPQueryParameters parameter : match.getQueryParameters()) {
                if (parameter.getMatch() != null && parameter.getMatch().getExact() == null) {
                    throw new AdmissionDenied("Missing Match criteria for one or more exact query match block, "
                            + "don't specify match block if you dont need it");
                }
            }
        }
    }

    private static void checkHeaders(List<HTTPGatewayRouteHeader> headers) {
        for (HTTPGatewayRouteHeader header : headers) {
            HeaderMatchMethod m = header.getMatch();
            if (m == null) {
                continue;
            }
            long count = filters(m.getExact(), m.getPrefix(), m.getRegex(), m.getSuffix(), m.getRange());
            if (count > 1) {
                throw new AdmissionDenied("Too many Match Filters specified, only 1 allowed per header");
            }
            if (count == 0) {
                throw new AdmissionDenied("Missing Match criteria for one or more header match block, "
                        + "don't specify match block if you dont need it");
            }
            if (m.getRange() != null) {
                checkRange(m.getRange());
                return;
            }
        }
    }

    private static void checkRewrite(HTTPGatewayRouteRewrite rewrite, HTTPGatewayRouteMatch match) {
        if (rewrite.getPrefix() == null && rewrite.getPath() == null && rewrite.getHostname() == null) {
            throw new AdmissionDenied("Either prefix, path or hostname for rewrite must be specified");
        }
        if (rewrite.getPrefix() != null && rewrite.getPath() != null) {
            throw new AdmissionDenied("Both prefix and path for rewrites cannot be specified. Only 1 allowed");
        }
        GatewayRoutePrefixRewrite prefix = rewrite.getPrefix();
        if (prefix == null) {
            return;
        }
        if (match != null && match.getPrefix() != null && !match.getPrefix().startsWith("/")) {
            throw new AdmissionDenied("Prefix to be matched on must start with '/'");
        }
        if (prefix.getDefaultPrefix() != null && prefix.getValue() != null) {
            throw new AdmissionDenied("Cannot specify both defaultPrefix and prefix for rewrite, only 1 allowed");
        }
        String value = prefix.getValue();
        if (value != null && !(value.startsWith("/") && value.endsWith("/"))) {
            throw new AdmissionDenied("New Rewrite Prefix must start and end with '/'");
        }
    }

    private static void checkHostname(GatewayRouteHostnameMatch hostname) {
        if (hostname == null || hostname.getExact() == null && hostname.getSuffix() == null) {
            throw new AdmissionDenied("Either exact or suffix match for hostname must be specified");
        }
        if (hostname.getExact() != null && hostname.getSuffix() != null) {
            throw new AdmissionDenied("Both exact and suffix match for hostname are not allowed. Only one must be specified");
        }
    }

    private static void checkRange(MatchRange range) {
        if (range.getStart() == null || range.getEnd() == null || range.getStart() >= range.getEnd()) {
            throw new AdmissionDenied(RANGE_ERROR);
        }
    }

    private static long filters(Object... filters) {
        return Stream.of(filters).filter(f -> f != null).count();
    }
}
