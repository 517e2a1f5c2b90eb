package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

import org.jboss.logging.Logger;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * The ADS port's TLS: the JDK's provider (the native image has no tcnative), HTTP/2 by ALPN, TLS 1.2 and 1.3, and the
 * serving certificate read from PEM files by Vert.x's reader — the one Quarkus serves the webhooks with, so that any
 * key the webhook Secret holds (PKCS#8, PKCS#1 RSA, SEC1 EC, as cert-manager and OLM write them) works on both ports.
 * <p>
 * The files are read again when either changes (a renewed Secret): each handshake compares their modification times,
 * two {@code stat} calls, which is cheap next to a handshake, and ADS connections are long-lived. Open connections keep
 * the certificate they were established with.
 */
final class XdsTls {

    private XdsTls() {
    }

    static SslContext serverContext(Vertx vertx, String certFile, String keyFile) {
        ReloadingKeyManager keys = new ReloadingKeyManager(vertx, Path.of(certFile), Path.of(keyFile));
        try {
            return GrpcSslContexts.configure(SslContextBuilder.forServer(keys), SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException e) {
            throw new IllegalStateException("xDS TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Serves the key pair of the files as they are now. An alias carries the generation of the pair it came from, so
     * that a reload between choosing an alias and reading its chain and key (two calls of one handshake) cannot mix a
     * new certificate with an old key.
     */
    static final class ReloadingKeyManager extends X509ExtendedKeyManager {

        private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class);

        private record Loaded(int generation, X509ExtendedKeyManager keys, FileTime certTime, FileTime keyTime) {
        }

        /** A tagged alias resolved: the pair it was chosen from and that key manager's own alias. */
        private record Chosen(Loaded loaded, String alias) {
        }

        private final Vertx vertx;
        private final Path certFile;
        private final Path keyFile;
        private volatile Loaded current;
        private volatile Loaded previous;
        /**
         * The modification times of a changed pair that could not be read: not read again (nor logged again) at every
         * handshake, only once either file changes again.
         */
        private volatile FileTime[] failed;
        /** How often the files were read (tests). */
        private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        ReloadingKeyManager(Vertx vertx, Path certFile, Path keyFile) {
            this.vertx = vertx;
            this.certFile = certFile;
            this.keyFile = keyFile;
            // A missing or unreadable pair at start is fatal: the caller reports it and the operator exits.
            this.current = load(0);
        }

        private Loaded load(int generation) {
            reads.incrementAndGet();
            try {
                FileTime certTime = modified(certFile);
                FileTime keyTime = modified(keyFile);
                PemKeyCertOptions pem = new PemKeyCertOptions().setCertPath(certFile.toString())
                        .setKeyPath(keyFile.toString());
                for (KeyManager manager : pem.getKeyManagerFactory(vertx).getKeyManagers()) {
                    if (manager instanceof X509ExtendedKeyManager keys) {
                        return new Loaded(generation, keys, certTime, keyTime);
                    }
                }
                throw new IllegalStateException("no X.509 key manager for " + certFile);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "xDS TLS: cannot read the serving certificate " + certFile + " and key " + keyFile + ": "
                                + e.getMessage(),
                        e);
            }
        }

        /** The pair to choose from for a new handshake, read again when a file changed since it was loaded. */
        private Loaded fresh() {
            Loaded loaded = current;
            FileTime certTime;
            FileTime keyTime;
            try {
                certTime = modified(certFile);
                keyTime = modified(keyFile);
            } catch (UncheckedIOException e) {
                // A Secret volume swaps its files through a symlink; a moment without them keeps the loaded pair.
                return loaded;
            }
            if (certTime.equals(loaded.certTime()) && keyTime.equals(loaded.keyTime())) {
                return loaded;
            }
            FileTime[] unreadable = failed;
            if (unreadable != null && certTime.equals(unreadable[0]) && keyTime.equals(unreadable[1])) {
                return loaded;
            }
            synchronized (this) {
                if (current != loaded) {
                    return current;
                }
                unreadable = failed;
                if (unreadable != null && certTime.equals(unreadable[0]) && keyTime.equals(unreadable[1])) {
                    return loaded;
                }
                try {
                    Loaded next = load(loaded.generation() + 1);
                    previous = loaded;
                    current = next;
                    failed = null;
                    LOG.infof("xDS TLS: serving certificate %s read again (it changed)", certFile);
                    return next;
                } catch (RuntimeException e) {
                    // A half-written pair (certificate renewed before its key): keep serving the loaded one, and try
                    // again once a file changes again (the rest of the write), not at every handshake.
                    failed = new FileTime[]{certTime, keyTime};
                    LOG.warnf("xDS TLS: the changed certificate could not be read, still serving the previous until "
                            + "the files change again: %s", e.getMessage());
                    return loaded;
                }
            }
        }

        int reads() {
            return reads.get();
        }

        private static FileTime modified(Path file) {
            try {
                return Files.getLastModifiedTime(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String tag(Loaded loaded, String alias) {
            return alias == null ? null : loaded.generation() + ":" + alias;
        }

        /** The pair an alias was chosen from (current or the one before), and the key manager's own alias. */
        private Chosen untag(String alias) {
            int colon = alias == null ? -1 : alias.indexOf(':');
            if (colon < 0) {
                return null;
            }
            int generation;
            try {
                generation = Integer.parseInt(alias.substring(0, colon));
            } catch (NumberFormatException e) {
                return null;
            }
            for (Loaded loaded : new Loaded[]{current, previous}) {
                if (loaded != null && loaded.generation() == generation) {
                    return new Chosen(loaded, alias.substring(colon + 1));
                }
            }
            return null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            Loaded loaded = fresh();
            return tag(loaded, loaded.keys().chooseEngineServerAlias(keyType, issuers, engine));
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            Loaded loaded = fresh();
            return tag(loaded, loaded.keys().chooseServerAlias(keyType, issuers, socket));
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            Loaded loaded = fresh();
            String[] aliases = loaded.keys().getServerAliases(keyType, issuers);
            if (aliases == null) {
                return null;
            }
            String[] tagged = new String[aliases.length];
            for (int i = 0; i < aliases.length; i++) {
                tagged[i] = tag(loaded, aliases[i]);
            }
            return tagged;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Chosen chosen = untag(alias);
            return chosen == null ? null : chosen.loaded().keys().getCertificateChain(chosen.alias());
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Chosen chosen = untag(alias);
            return chosen == null ? null : chosen.loaded().keys().getPrivateKey(chosen.alias());
        }

        // The server never authenticates itself as a client.
        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return null;
        }

    }
}
