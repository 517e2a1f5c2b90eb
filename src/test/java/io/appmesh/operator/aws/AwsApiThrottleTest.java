package io.appmesh.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AwsApiThrottleTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void upstreamDefaultsCoverAppMeshAndCloudMap() {
        var rules = AwsApiThrottle.rules(List.of(), now::get);

        assertThat(rules).hasSize(14);
        assertThat(rules.stream().map(AwsApiThrottle.Rule::service).distinct()).containsExactly("App Mesh", "ServiceDiscovery");
    }

    @Test
    void burstGoesAtOnceThenTheRatePaces() {
        AwsApiThrottle throttle = new AwsApiThrottle(List.of(), now::get);

        // App Mesh ^Create|Update|Delete = 8/s, burst 5
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.delay("App Mesh", "UpdateRoute")).isZero();
        }
        assertThat(throttle.delay("App Mesh", "UpdateRoute")).isEqualTo(125_000_000L);
        assertThat(throttle.delay("App Mesh", "UpdateRoute")).isEqualTo(250_000_000L);
        now.addAndGet(1_000_000_000L);
        assertThat(throttle.delay("App Mesh", "CreateMesh")).isZero();
    }

    @Test
    void regexesAreUnanchoredAlternationsAsUpstream() {
        AwsApiThrottle throttle = new AwsApiThrottle(List.of("App Mesh:^Describe|List=1:1"), now::get);

        assertThat(throttle.delay("App Mesh", "DescribeMesh")).isZero();
        assertThat(throttle.delay("App Mesh", "BatchListThings")).isPositive();
        assertThat(throttle.delay("App Mesh", "CreateMesh")).isZero();
        assertThat(throttle.delay("ServiceDiscovery", "ListInstances")).isZero();
    }

    @Test
    void everyMatchingRuleIsWaitedOn() {
        AwsApiThrottle throttle = new AwsApiThrottle(List.of(), now::get);

        // GetInstance (16/s, burst 80) also matches GetInstancesHealthStatus (80/s, burst 80)
        for (int i = 0; i < 80; i++) {
            throttle.delay("ServiceDiscovery", "GetInstancesHealthStatus");
        }
        assertThat(throttle.delay("ServiceDiscovery", "GetInstancesHealthStatus")).isEqualTo(62_500_000L);
    }

    @Test
    void anEntryReplacesTheDefaultsOfItsServiceOnly() {
        var rules = AwsApiThrottle.rules(List.of("ServiceDiscovery:^Get=100:100"), now::get);

        assertThat(rules.stream().filter(r -> r.service().equals("ServiceDiscovery"))).hasSize(1);
        assertThat(rules.stream().filter(r -> r.service().equals("App Mesh"))).hasSize(2);
    }

    @Test
    void badEntriesStopStartUpWithUpstreamsMessages() {
        assertThatThrownBy(() -> AwsApiThrottle.parse("App Mesh:^List", now::get))
                .hasMessage("App Mesh:^List must be formatted as serviceID:operationRegex=rate:burst");
        assertThatThrownBy(() -> AwsApiThrottle.parse("AppMesh=1:2", now::get))
                .hasMessage("AppMesh must be formatted as serviceID:operationRegex");
        // Upstream splits the key on every colon and wants exactly two parts.
        assertThatThrownBy(() -> AwsApiThrottle.parse("a:b:c=4.2:5", now::get))
                .hasMessage("a:b:c must be formatted as serviceID:operationRegex");
        assertThatThrownBy(() -> AwsApiThrottle.parse("App Mesh:^List=1", now::get))
                .hasMessage("1 must be formatted as rate:burst");
        assertThatThrownBy(() -> AwsApiThrottle.parse("App Mesh:^(List=1:2", now::get))
                .hasMessage("^(List must be valid regex expression for operation");
        assertThatThrownBy(() -> AwsApiThrottle.parse("App Mesh:^List=fast:2", now::get))
                .hasMessage("fast must be valid float number as rate for operations per second");
        assertThatThrownBy(() -> AwsApiThrottle.parse("App Mesh:^List=1:many", now::get))
                .hasMessage("many must be valid integer as burst for operations");
    }
}
