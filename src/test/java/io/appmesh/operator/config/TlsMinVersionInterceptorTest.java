package io.appmesh.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsMinVersionInterceptorTest {

    @Test
    void minimumVersionBecomesEveryProtocolFromItUpwards() {
        assertThat(TlsMinVersionInterceptor.protocolsFrom("VersionTLS10")).isEqualTo("TLSv1,TLSv1.1,TLSv1.2,TLSv1.3");
        assertThat(TlsMinVersionInterceptor.protocolsFrom("VersionTLS12")).isEqualTo("TLSv1.2,TLSv1.3");
        assertThat(TlsMinVersionInterceptor.protocolsFrom("VersionTLS13")).isEqualTo("TLSv1.3");
    }

    @Test
    void unknownVersionStopsStartUp() {
        assertThatThrownBy(() -> TlsMinVersionInterceptor.protocolsFrom("TLS1.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13");
    }
}
