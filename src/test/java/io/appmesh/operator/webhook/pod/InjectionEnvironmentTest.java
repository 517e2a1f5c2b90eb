package io.appmesh.operator.webhook.pod;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

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
}
