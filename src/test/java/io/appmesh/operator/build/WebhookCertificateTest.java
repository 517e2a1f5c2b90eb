package io.appmesh.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The webhook certificate every build writes (target/certs, served by {@code make run} and the tests) must outlive the
 * build: a cluster told to trust it once keeps admitting a week, a month later. It was valid for two days, and a
 * {@code make run} against a real cluster two days after the build failed every admission at the TLS handshake.
 */
class WebhookCertificateTest {

    @Test
    void theBuildsWebhookCertificateIsValidForAYear() throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of("target/certs/webhook.crt"))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Duration lifetime = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertThat(lifetime).isGreaterThanOrEqualTo(Duration.ofDays(364));
        certificate.checkValidity(java.util.Date.from(Instant.now().plus(Duration.ofDays(7))));
    }
}
