package io.appmesh.operator.mesh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.appmesh.operator.api.v1beta2.common.SubjectAlternativeNames;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayClientPolicyTLS;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayListener;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayListenerTLS;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.ClientPolicy;
import io.appmesh.operator.api.v1beta2.virtualnode.ClientPolicyTLS;
import io.appmesh.operator.api.v1beta2.virtualnode.Listener;
import io.appmesh.operator.api.v1beta2.virtualnode.ListenerTLS;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;

/**
 * Builds {@link TlsModel}s from VirtualNode and VirtualGateway specs (pure). Both kinds have their own classes of the
 * same shape, hence the pairs of methods. A listener in mode DISABLED and a client policy with {@code enforce: false}
 * are no TLS; {@code enforce} defaults to true (App Mesh's default). An ACM certificate or trust that would be used
 * throws: the xDS backend refuses such objects before they are served ({@link #acmFields}), so reaching it here is a
 * bug, and failing the node's translation keeps its last configuration rather than serving plaintext.
 */
public final class TlsModels {

    private TlsModels() {
    }

    static TlsModel.Listener listener(ListenerTLS tls) {
        if (tls == null || disabled(tls.getMode())) {
            return null;
        }
        var cert = tls.getCertificate();
        TlsModel.Source certificate = cert == null
                ? null
                : source(cert.getAcm() != null, cert.getFile() == null ? null : cert.getFile().getCertificateChain(),
                        cert.getFile() == null ? null : cert.getFile().getPrivateKey(),
                        cert.getSds() == null ? null : cert.getSds().getSecretName());
        TlsModel.Validation validation = null;
        if (tls.getValidation() != null) {
            var trust = tls.getValidation().getTrust();
            validation = new TlsModel.Validation(trust == null
                    ? null
                    : source(false, trust.getFile() == null ? null : trust.getFile().getCertificateChain(), null,
                            trust.getSds() == null ? null : trust.getSds().getSecretName()),
                    sans(tls.getValidation().getSubjectAlternativeNames()));
        }
        return new TlsModel.Listener(mode(tls.getMode()), certificate, validation);
    }

    static TlsModel.Listener listener(VirtualGatewayListenerTLS tls) {
        if (tls == null || disabled(tls.getMode())) {
            return null;
        }
        var cert = tls.getCertificate();
        TlsModel.Source certificate = cert == null
                ? null
                : source(cert.getAcm() != null, cert.getFile() == null ? null : cert.getFile().getCertificateChain(),
                        cert.getFile() == null ? null : cert.getFile().getPrivateKey(),
                        cert.getSds() == null ? null : cert.getSds().getSecretName());
        TlsModel.Validation validation = null;
        if (tls.getValidation() != null) {
            var trust = tls.getValidation().getTrust();
            validation = new TlsModel.Validation(trust == null
                    ? null
                    : source(trust.getAcm() != null,
                            trust.getFile() == null ? null : trust.getFile().getCertificateChain(), null,
                            trust.getSds() == null ? null : trust.getSds().getSecretName()),
                    sans(tls.getValidation().getSubjectAlternativeNames()));
        }
        return new TlsModel.Listener(mode(tls.getMode()), certificate, validation);
    }

    /** A backend's client policy: its own when it has one, else the node's backend defaults (App Mesh's rule). */
    static TlsModel.Client client(VirtualNode node, Backend backend) {
        ClientPolicy own = backend == null || backend.getVirtualService() == null
                ? null
                : backend.getVirtualService().getClientPolicy();
        ClientPolicy policy = own != null
                ? own
                : node.getSpec().getBackendDefaults() == null
                        ? null
                        : node.getSpec().getBackendDefaults().getClientPolicy();
        return policy == null ? null : client(policy.getTls());
    }

    static TlsModel.Client client(ClientPolicyTLS tls) {
        if (tls == null || Boolean.FALSE.equals(tls.getEnforce())) {
            return null;
        }
        var cert = tls.getCertificate();
        TlsModel.Source certificate = cert == null
                ? null
                : source(false, cert.getFile() == null ? null : cert.getFile().getCertificateChain(),
                        cert.getFile() == null ? null : cert.getFile().getPrivateKey(),
                        cert.getSds() == null ? null : cert.getSds().getSecretName());
        var validation = tls.getValidation();
        var trust = validation == null ? null : validation.getTrust();
        TlsModel.Source trusted = trust == null
                ? null
                : source(trust.getAcm() != null, trust.getFile() == null ? null : trust.getFile().getCertificateChain(),
                        null, trust.getSds() == null ? null : trust.getSds().getSecretName());
        return new TlsModel.Client(ports(tls.getPorts()), certificate, new TlsModel.Validation(trusted,
                validation == null ? List.of() : sans(validation.getSubjectAlternativeNames())));
    }

    /** A virtual gateway's backend defaults: the only client policy a gateway has. */
    static TlsModel.Client client(VirtualGateway gateway) {
        var defaults = gateway.getSpec().getBackendDefaults();
        if (defaults == null || defaults.getClientPolicy() == null) {
            return null;
        }
        VirtualGatewayClientPolicyTLS tls = defaults.getClientPolicy().getTls();
        if (tls == null || Boolean.FALSE.equals(tls.getEnforce())) {
            return null;
        }
        var cert = tls.getCertificate();
        TlsModel.Source certificate = cert == null
                ? null
                : source(false, cert.getFile() == null ? null : cert.getFile().getCertificateChain(),
                        cert.getFile() == null ? null : cert.getFile().getPrivateKey(),
                        cert.getSds() == null ? null : cert.getSds().getSecretName());
        var validation = tls.getValidation();
        var trust = validation == null ? null : validation.getTrust();
        TlsModel.Source trusted = trust == null
                ? null
                : source(trust.getAcm() != null, trust.getFile() == null ? null : trust.getFile().getCertificateChain(),
                        null, trust.getSds() == null ? null : trust.getSds().getSecretName());
        return new TlsModel.Client(ports(tls.getPorts()), certificate, new TlsModel.Validation(trusted,
                validation == null ? List.of() : sans(validation.getSubjectAlternativeNames())));
    }

    /**
     * The fields of a VirtualNode that name ACM (a certificate or private CAs, which only App Mesh's management
     * service could turn into keys and bundles) and that would be used: listeners not DISABLED, client policies
     * enforced. Empty when the node can be served.
     */
    public static List<String> acmFields(VirtualNode node) {
        List<String> fields = new ArrayList<>();
        List<Listener> listeners = Optional.ofNullable(node.getSpec().getListeners()).orElse(List.of());
        for (int i = 0; i < listeners.size(); i++) {
            ListenerTLS tls = listeners.get(i).getTls();
            if (tls != null && !disabled(tls.getMode()) && tls.getCertificate() != null
                    && tls.getCertificate().getAcm() != null) {
                fields.add("spec.listeners[" + i + "].tls.certificate.acm");
            }
        }
        if (node.getSpec().getBackendDefaults() != null) {
            clientAcm(node.getSpec().getBackendDefaults().getClientPolicy(), "spec.backendDefaults.clientPolicy", fields);
        }
        List<Backend> backends = Optional.ofNullable(node.getSpec().getBackends()).orElse(List.of());
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).getVirtualService() != null) {
                clientAcm(backends.get(i).getVirtualService().getClientPolicy(),
                        "spec.backends[" + i + "].virtualService.clientPolicy", fields);
            }
        }
        return fields;
    }

    /** As {@link #acmFields(VirtualNode)} for a VirtualGateway's listeners and backend defaults. */
    public static List<String> acmFields(VirtualGateway gateway) {
        List<String> fields = new ArrayList<>();
        List<VirtualGatewayListener> listeners = Optional.ofNullable(gateway.getSpec().getListeners())
                .orElse(List.of());
        for (int i = 0; i < listeners.size(); i++) {
            VirtualGatewayListenerTLS tls = listeners.get(i).getTls();
            if (tls == null || disabled(tls.getMode())) {
                continue;
            }
            if (tls.getCertificate() != null && tls.getCertificate().getAcm() != null) {
                fields.add("spec.listeners[" + i + "].tls.certificate.acm");
            }
            if (tls.getValidation() != null && tls.getValidation().getTrust() != null
                    && tls.getValidation().getTrust().getAcm() != null) {
                fields.add("spec.listeners[" + i + "].tls.validation.trust.acm");
            }
        }
        var defaults = gateway.getSpec().getBackendDefaults();
        if (defaults != null && defaults.getClientPolicy() != null && defaults.getClientPolicy().getTls() != null) {
            var tls = defaults.getClientPolicy().getTls();
            if (!Boolean.FALSE.equals(tls.getEnforce()) && tls.getValidation() != null
                    && tls.getValidation().getTrust() != null && tls.getValidation().getTrust().getAcm() != null) {
                fields.add("spec.backendDefaults.clientPolicy.tls.validation.trust.acm");
            }
        }
        return fields;
    }

    private static void clientAcm(ClientPolicy policy, String at, List<String> fields) {
        if (policy == null || policy.getTls() == null || Boolean.FALSE.equals(policy.getTls().getEnforce())) {
            return;
        }
        var validation = policy.getTls().getValidation();
        if (validation != null && validation.getTrust() != null && validation.getTrust().getAcm() != null) {
            fields.add(at + ".tls.validation.trust.acm");
        }
    }

    private static TlsModel.Source source(boolean acm, String file, String privateKey, String sds) {
        if (acm) {
            throw new IllegalArgumentException("ACM certificates and private CAs are not served by the xds backend");
        }
        if (file != null) {
            return new TlsModel.Source(file, privateKey, null);
        }
        return sds == null ? null : TlsModel.Source.sds(sds);
    }

    private static boolean disabled(String mode) {
        return "DISABLED".equals(mode);
    }

    private static TlsModel.Mode mode(String mode) {
        return "PERMISSIVE".equals(mode) ? TlsModel.Mode.PERMISSIVE : TlsModel.Mode.STRICT;
    }

    private static List<String> sans(SubjectAlternativeNames sans) {
        if (sans == null || sans.getMatch() == null || sans.getMatch().getExact() == null) {
            return List.of();
        }
        return List.copyOf(sans.getMatch().getExact());
    }

    private static List<Integer> ports(List<Long> ports) {
        return ports == null ? List.of() : ports.stream().map(Math::toIntExact).sorted().distinct().toList();
    }
}
