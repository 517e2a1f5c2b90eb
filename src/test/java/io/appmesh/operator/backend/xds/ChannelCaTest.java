package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.appmesh.operator.config.XdsConfig;
import io.appmesh.operator.testing.OperatorConfigs;

class ChannelCaTest {

    private static final String LEAF = "-----BEGIN CERTIFICATE-----\nleaf\n-----END CERTIFICATE-----\n";
    private static final String ROOT = "-----BEGIN CERTIFICATE-----\nroot\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    @Test
    void theCaFileWhenItExists() throws IOException {
        Files.writeString(dir.resolve("ca.crt"), ROOT);
        Files.writeString(dir.resolve("tls.crt"), LEAF);

        assertThat(ChannelCa.read(tls())).isEqualTo(ROOT);
    }

    @Test
    void elseTheLastCertificateOfTheServingChain() throws IOException {
        Files.writeString(dir.resolve("tls.crt"), LEAF + ROOT);

        assertThat(ChannelCa.read(tls())).isEqualTo(ROOT);
    }

    @Test
    void neitherFileIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> ChannelCa.read(tls())).isInstanceOf(IOException.class)
                .hasMessage("no CA for the xDS channel: neither " + dir.resolve("ca.crt") + " nor " + dir.resolve("tls.crt")
                        + " exists");
    }

    @Test
    void aServingFileWithoutCertificateIsAnError() throws IOException {
        Files.writeString(dir.resolve("tls.crt"), "not a PEM\n");

        assertThatThrownBy(() -> ChannelCa.read(tls())).isInstanceOf(IOException.class)
                .hasMessageEndingWith("holds no PEM certificate");
    }

    private XdsConfig.Tls tls() {
        return OperatorConfigs.from(Map.of("appmesh.xds.tls.ca-file", dir.resolve("ca.crt").toString(),
                "appmesh.xds.tls.cert-file", dir.resolve("tls.crt").toString())).xds().tls();
    }
}
