package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.appmesh.operator.config.XdsConfig;

/**
 * The CA certificate (PEM) injected Envoys trust for the ADS port: {@code appmesh.xds.tls.ca-file} when it exists
 * (cert-manager writes {@code ca.crt} into the Secret), else the last certificate of {@code appmesh.xds.tls.cert-file}
 * — the root of an issued chain, or the certificate itself when it is self-signed.
 */
final class ChannelCa {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private ChannelCa() {
    }

    /** @throws IOException with a message naming both files when neither gives a certificate */
    static String read(XdsConfig.Tls tls) throws IOException {
        Path ca = Path.of(tls.caFile());
        if (Files.isRegularFile(ca)) {
            String pem = Files.readString(ca);
            if (pem.contains(BEGIN)) {
                return pem;
            }
        }
        String chain;
        try {
            chain = Files.readString(Path.of(tls.certFile()));
        } catch (NoSuchFileException e) {
            throw new IOException("no CA for the xDS channel: neither " + tls.caFile() + " nor " + tls.certFile()
                    + " exists");
        }
        return lastCertificate(chain).orElseThrow(() -> new IOException("no CA for the xDS channel: "
                + tls.caFile() + " does not exist and " + tls.certFile() + " holds no PEM certificate"));
    }

    static java.util.Optional<String> lastCertificate(String pem) {
        int begin = pem.lastIndexOf(BEGIN);
        int end = begin < 0 ? -1 : pem.indexOf(END, begin);
        if (end < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(pem.substring(begin, end + END.length()) + "\n");
    }
}
