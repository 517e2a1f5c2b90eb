package io.appmesh.operator.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.testing.OperatorConfigs;

/** {@code appmesh.backend}: read in one place, AWS by default, an unknown value refused with a clear message. */
class BackendsTest {

    @Test
    void awsIsTheDefault() {
        assertThat(Backends.chosen(OperatorConfigs.from(Map.of()))).isEqualTo("aws");
        assertThat(Backends.chosen(OperatorConfigs.from(Map.of("appmesh.backend", " aws")))).isEqualTo("aws");
        assertThat(Backends.chosen(OperatorConfigs.from(Map.of("appmesh.backend", "xds")))).isEqualTo("xds");
    }

    @Test
    void anUnknownBackendStopsStartUpWithTheChoices() {
        assertThatThrownBy(() -> Backends.chosen(OperatorConfigs.from(Map.of("appmesh.backend", "istio"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("appmesh.backend=istio is not a backend; choose one of [aws, xds]");
    }
}
