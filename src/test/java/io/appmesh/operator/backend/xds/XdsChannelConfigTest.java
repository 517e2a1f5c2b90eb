package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.config.XdsConfig;
import io.appmesh.operator.testing.OperatorConfigs;

/**
 * Authentication without TLS is a channel nobody can use (gRPC sends no call credentials over plaintext): the control
 * plane refuses to start with it, and says which keys to change; the start failure exits the operator.
 */
class XdsChannelConfigTest {

    @Test
    void authenticationWithoutTlsRefusesToStart() {
        assertThatThrownBy(() -> XdsControlPlane.checkChannel(xds("false", "true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appmesh.xds.authenticate=true")
                .hasMessageContaining("appmesh.xds.tls.enabled=true").hasMessageContaining("plaintext");
        // The default: authentication is on, so turning TLS off alone is the misconfiguration.
        assertThatThrownBy(() -> XdsControlPlane.checkChannel(OperatorConfigs
                .from(Map.of("appmesh.backend", "xds", "appmesh.xds.tls.enabled", "false")).xds()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOtherCombinationsStart() {
        assertThatCode(() -> XdsControlPlane.checkChannel(xds("true", "true"))).doesNotThrowAnyException();
        assertThatCode(() -> XdsControlPlane.checkChannel(xds("true", "false"))).doesNotThrowAnyException();
        assertThatCode(() -> XdsControlPlane.checkChannel(xds("false", "false"))).doesNotThrowAnyException();
    }

    private static XdsConfig xds(String tls, String authenticate) {
        return OperatorConfigs.from(Map.of("appmesh.backend", "xds", "appmesh.xds.tls.enabled", tls,
                "appmesh.xds.authenticate", authenticate)).xds();
    }
}
