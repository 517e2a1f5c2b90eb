package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.appmesh.operator.backend.xds.XdsTls.ReloadingKeyManager;
import io.vertx.core.Vertx;

/**
 * The ADS port's serving key pair: read from PEM in the forms the webhook Secret may hold (PKCS#8, and PKCS#1 as
 * cert-manager writes RSA keys by default), read again for new handshakes once the files change, without mixing a
 * new certificate with an old key, and kept when the changed files cannot be read.
 */
class XdsTlsTest {

    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    @Test
    void servesThePairOfTheFilesAndReadsThemAgainWhenTheyChange() throws Exception {
        Pair first = pair("first");
        Pair second = pair("second");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        first.write(cert, key, false, Instant.parse("2026-01-01T00:00:00Z"));
        ReloadingKeyManager keys = new ReloadingKeyManager(vertx, cert, key);

        String alias = keys.chooseEngineServerAlias("RSA", null, null);
        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(first.cert());
        assertThat(keys.getPrivateKey(alias).getEncoded()).isEqualTo(first.key().getEncoded());

        // Renewed (cert-manager's default PKCS#1 key this time): the next handshake gets the new pair; the alias a
        // handshake already chose still gives the pair it was chosen from.
        second.write(cert, key, true, Instant.parse("2026-02-01T00:00:00Z"));
        String renewed = keys.chooseEngineServerAlias("RSA", null, null);
        assertThat(keys.getCertificateChain(renewed)[0]).isEqualTo(second.cert());
        assertThat(keys.getPrivateKey(renewed).getEncoded()).isEqualTo(second.key().getEncoded());
        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(first.cert());
        assertThat(keys.getPrivateKey(alias).getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(keys.getServerAliases("RSA", null)).containsExactly(renewed);
    }

    @Test
    void keepsTheLoadedPairWhenTheChangedFilesCannotBeRead() throws Exception {
        Pair first = pair("first");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        first.write(cert, key, false, Instant.parse("2026-01-01T00:00:00Z"));
        ReloadingKeyManager keys = new ReloadingKeyManager(vertx, cert, key);

        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nhalf written\n");
        Files.setLastModifiedTime(key, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        String alias = keys.chooseEngineServerAlias("RSA", null, null);
        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(first.cert());
        Files.delete(cert);
        assertThat(keys.getCertificateChain(keys.chooseEngineServerAlias("RSA", null, null))[0])
                .isEqualTo(first.cert());
    }

    @Test
    void anUnreadablePairIsReadAgainOnlyWhenItChangesAgain() throws Exception {
        Pair first = pair("first");
        Pair second = pair("second");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        first.write(cert, key, false, Instant.parse("2026-01-01T00:00:00Z"));
        ReloadingKeyManager keys = new ReloadingKeyManager(vertx, cert, key);
        assertThat(keys.reads()).isEqualTo(1);

        // A renewal half written: the key not complete yet.
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nhalf written\n");
        Files.setLastModifiedTime(key, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        for (int i = 0; i < 5; i++) {
            assertThat(keys.getCertificateChain(keys.chooseEngineServerAlias("RSA", null, null))[0])
                    .isEqualTo(first.cert());
        }
        assertThat(keys.reads()).as("tried once for these modification times, not at every handshake").isEqualTo(2);

        // The rest arrives: new modification times, read again, and the new pair served.
        second.write(cert, key, false, Instant.parse("2026-02-01T00:00:01Z"));
        String alias = keys.chooseEngineServerAlias("RSA", null, null);
        assertThat(keys.getCertificateChain(alias)[0]).isEqualTo(second.cert());
        assertThat(keys.getPrivateKey(alias).getEncoded()).isEqualTo(second.key().getEncoded());
        assertThat(keys.reads()).isEqualTo(3);
        keys.chooseEngineServerAlias("RSA", null, null);
        assertThat(keys.reads()).isEqualTo(3);
    }

    @Test
    void refusesToStartWithoutItsFiles() {
        assertThatThrownBy(() -> new ReloadingKeyManager(vertx, dir.resolve("none.crt"), dir.resolve("none.key")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none.crt");
    }

    @Test
    void anUnknownAliasHasNoKey() throws Exception {
        Pair first = pair("first");
        first.write(dir.resolve("tls.crt"), dir.resolve("tls.key"), false, Instant.parse("2026-01-01T00:00:00Z"));
        ReloadingKeyManager keys = new ReloadingKeyManager(vertx, dir.resolve("tls.crt"), dir.resolve("tls.key"));
        assertThat(keys.getPrivateKey("7:whatever")).isNull();
        assertThat(keys.getPrivateKey("no-generation")).isNull();
        assertThat(keys.getCertificateChain(null)).isNull();
        assertThat(keys.chooseEngineClientAlias(new String[]{"RSA"}, null, null)).isNull();
    }

    private record Pair(X509Certificate cert, PrivateKey key) {

        /** Writes the pair as PEM (the key PKCS#8, or PKCS#1 when asked) with a given modification time. */
        void write(Path certFile, Path keyFile, boolean pkcs1, Instant modified) throws Exception {
            Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(keyFile, pkcs1
                    ? pem("RSA PRIVATE KEY", pkcs1(key.getEncoded()))
                    : pem("PRIVATE KEY", key.getEncoded()));
            Files.setLastModifiedTime(certFile, FileTime.from(modified));
            Files.setLastModifiedTime(keyFile, FileTime.from(modified));
        }
    }

    /** A self-signed RSA pair made by the JDK's keytool. */
    private Pair pair(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret",
                "-keypass", "secret").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "secret".toCharArray());
        }
        return new Pair((X509Certificate) keyStore.getCertificate(name),
                (PrivateKey) keyStore.getKey(name, "secret".toCharArray()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, SEQUENCE algorithm,
     * OCTET STRING privateKey }.
     */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at, 0x30);
        int version = header(pkcs8, at, 0x02);
        at[0] += version;
        int algorithm = header(pkcs8, at, 0x30);
        at[0] += algorithm;
        int length = header(pkcs8, at, 0x04);
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    /** Reads a DER tag (which must be {@code tag}) and length at {@code at}; leaves {@code at} on the content. */
    private static int header(byte[] der, int[] at, int tag) {
        assertThat(der[at[0]++] & 0xff).isEqualTo(tag);
        int length = der[at[0]++] & 0xff;
        if (length >= 0x80) {
            int bytes = length & 0x7f;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[at[0]++] & 0xff);
            }
        }
        return length;
    }
}
