package io.appmesh.operator.mesh.model;

import java.util.List;

/**
 * App Mesh TLS as a proxy applies it: a listener's server side and a client policy's upstream side. Only what can be
 * served without AWS is modelled: certificates and trust bundles from files in the proxy's container or from an SDS
 * secret; ACM certificates and ACM private CAs are refused before a model is built (see {@link TlsModels#acmFields}).
 */
public final class TlsModel {

    private TlsModel() {
    }

    /** App Mesh's listener TLS modes; DISABLED is modelled as no TLS at all. */
    public enum Mode {
        /** TLS only: a plaintext connection fails the handshake. */
        STRICT,
        /** TLS and plaintext on the same port, told apart by the first bytes of the connection. */
        PERMISSIVE
    }

    /**
     * Where a certificate (with its private key) or a trust bundle comes from: files in the proxy's container (the
     * {@code appmesh.k8s.aws/secretMounts} annotation mounts them), or a secret of the SDS server on the proxy's
     * unix socket (SPIRE: a SPIFFE ID).
     *
     * @param file the certificate chain (or trust bundle) file, or null
     * @param privateKey the private key file of a certificate from files, else null
     * @param sds the SDS secret name, or null
     */
    public record Source(String file, String privateKey, String sds) {

        public static Source file(String chain, String privateKey) {
            return new Source(chain, privateKey, null);
        }

        public static Source sds(String secret) {
            return new Source(null, null, secret);
        }
    }

    /**
     * How the peer's certificate is checked.
     *
     * @param trust the trusted certificate authorities
     * @param subjectAltNames the peer certificate must carry one of these subject alternative names (exact); empty:
     *        any certificate the trust bundle validates
     */
    public record Validation(Source trust, List<String> subjectAltNames) {
    }

    /**
     * A listener's TLS (STRICT or PERMISSIVE).
     *
     * @param certificate the listener's certificate
     * @param validation null: clients are not asked for a certificate; else mutual TLS, the client certificate required
     *        and validated
     */
    public record Listener(Mode mode, Source certificate, Validation validation) {
    }

    /**
     * An enforced client policy: the caller originates TLS to the target.
     *
     * @param ports the target ports it applies to; empty: every port
     * @param certificate the client certificate offered (mutual TLS), or null
     * @param validation how the target's certificate is validated
     */
    public record Client(List<Integer> ports, Source certificate, Validation validation) {

        public boolean appliesTo(int port) {
            return ports.isEmpty() || ports.contains(port);
        }
    }
}
