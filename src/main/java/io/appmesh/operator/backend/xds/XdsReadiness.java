package io.appmesh.operator.backend.xds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.appmesh.operator.backend.Backends;
import io.appmesh.operator.config.OperatorConfig;

/**
 * With the xDS backend the operator is ready once its ADS port serves the first snapshots (a proxy sent to it before
 * would find nothing to connect to); with the AWS backend this check is always up.
 */
@Readiness
@ApplicationScoped
public class XdsReadiness implements HealthCheck {

    private final OperatorConfig config;
    private final Instance<XdsControlPlane> plane;

    public XdsReadiness(OperatorConfig config, Instance<XdsControlPlane> plane) {
        this.config = config;
        this.plane = plane;
    }

    @Override
    public HealthCheckResponse call() {
        if (!Backends.XDS.equals(config.backend().trim())) {
            return HealthCheckResponse.up("xds");
        }
        return plane.get().port().map(port -> HealthCheckResponse.named("xds").up().withData("port", port).build())
                .orElseGet(() -> HealthCheckResponse.named("xds").down().build());
    }
}
