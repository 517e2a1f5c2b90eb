package io.appmesh.operator.webhook.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.aws.AwsAccount;
import io.appmesh.operator.testing.OperatorConfigs;

class InjectionEnvironmentTest {

    @Test
    void refusesToStartWithTwoTracers() throws Exception {
        var config = SidecarInjectorTest.config(Path.of("src/test/resources/InjectionEnvironmentTest/two-tracers.properties"));

        assertThatThrownBy(() -> InjectionEnvironment.checkTracers(config.injection()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Envoy only supports a single tracer instance. Please choose between Jaeger, Datadog or X-Ray.");
    }

    @Test
    void startsWithOneTracer() throws Exception {
        var config = SidecarInjectorTest.config(Path.of("src/test/resources/InjectionEnvironmentTest/one-tracer.properties"));

        assertThatCode(() -> InjectionEnvironment.checkTracers(config.injection())).doesNotThrowAnyException();
    }

    @Test
    void anAccountIdWrittenAsAFloatIsTheTwelveDigitAccountTheReconcilersUse() {
        // What some YAML tooling makes of an unquoted 12-digit number.
        var config = OperatorConfigs.from(Map.of("appmesh.aws-account-id", "1.11122223333e+11"));
        var environment = new InjectionEnvironment(config, new AwsAccount(config, null), null, "0.1.0");

        assertThat(environment.accountId()).isEqualTo("111122223333");
    }

    @Test
    void refusesAnUnknownEnvoyProfile() {
        var config = OperatorConfigs.from(Map.of("appmesh.backend", "xds", "appmesh.injection.envoy-profile", "istio"));

        assertThatThrownBy(() -> InjectionEnvironment.checkXdsInjection(config)).isInstanceOf(IllegalStateException.class)
                .hasMessage("appmesh.injection.envoy-profile=istio is not a profile; choose aws-appmesh-envoy or envoy");
    }

    @Test
    void refusesToWaitForUpstreamEnvoyWithoutTheAgent() {
        var config = OperatorConfigs.from(Map.of("appmesh.backend", "xds", "appmesh.injection.envoy-profile", "envoy",
                "appmesh.injection.wait-until-proxy-ready", "true"));

        assertThatThrownBy(() -> InjectionEnvironment.checkXdsInjection(config)).isInstanceOf(IllegalStateException.class)
                .hasMessage("appmesh.injection.wait-until-proxy-ready: needs the App Mesh agent, which the envoy profile"
                        + " does not have; use the aws-appmesh-envoy profile or turn it off");
    }

    @Test
    void refusesTracersAndStatsdTheAgentWouldConfigure() {
        var config = OperatorConfigs.from(Map.of("appmesh.backend", "xds", "appmesh.injection.envoy-profile", "envoy",
                "appmesh.injection.enable-jaeger-tracing", "true", "appmesh.injection.enable-statsd", "true"));

        assertThatThrownBy(() -> InjectionEnvironment.checkXdsInjection(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appmesh.injection.enable-jaeger-tracing, appmesh.injection.enable-statsd: needs"
                        + " the App Mesh agent");
    }

    @Test
    void theProfileDoesNotMatterWithTheAwsBackend() {
        // Upstream's injection is unchanged with AWS, whatever the profile says (it is ignored there).
        var config = OperatorConfigs.from(Map.of("appmesh.injection.envoy-profile", "envoy",
                "appmesh.injection.wait-until-proxy-ready", "true"));

        assertThatCode(() -> InjectionEnvironment.checkXdsInjection(config)).doesNotThrowAnyException();
    }

    @Test
    void refusesANegativeInitialFetchTimeout() {
        var config = OperatorConfigs.from(Map.of("appmesh.injection.xds-initial-fetch-timeout", "-1"));

        assertThatThrownBy(() -> InjectionEnvironment.checkXdsInjection(config)).isInstanceOf(IllegalStateException.class)
                .hasMessage("appmesh.injection.xds-initial-fetch-timeout=-1 is negative; 0 waits for ever");
    }
}
