package io.appmesh.operator.webhook.pod;

import io.appmesh.operator.config.InjectionConfig;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/** Envoy is ready when its admin server reports LIVE; the admin port is only reachable from inside the pod. */
final class EnvoyReadinessProbe {

    private EnvoyReadinessProbe() {
    }

    static Probe of(InjectionConfig c) {
        return new ProbeBuilder()
                .withNewExec()
                .withCommand("sh", "-c",
                        "curl -s http://localhost:" + c.envoyAdminAccessPort() + "/server_info | grep state | grep -q LIVE")
                .endExec()
                .withInitialDelaySeconds(c.readinessProbeInitialDelay())
                .withTimeoutSeconds(1)
                .withPeriodSeconds(c.readinessProbePeriod())
                .withSuccessThreshold(1)
                .withFailureThreshold(3)
                .build();
    }
}
