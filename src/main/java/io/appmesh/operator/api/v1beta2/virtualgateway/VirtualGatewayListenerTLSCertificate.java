package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents a listener's TLS certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLSCertificate {

    @JsonPropertyDescription("A reference to an object that represents an AWS Certificate Manager (ACM) certificate.")
    private VirtualGatewayListenerTLSACMCertificate acm;

    @JsonPropertyDescription("A reference to an object that represents a local file certificate.")
    private VirtualGatewayListenerTLSFileCertificate file;

    @JsonPropertyDescription("A reference to an object that represents an SDS issued certificate")
    private VirtualGatewayListenerTLSSDSCertificate sds;

    public VirtualGatewayListenerTLSACMCertificate getAcm() {
        return acm;
    }

    public void setAcm(VirtualGatewayListenerTLSACMCertificate acm) {
        this.acm = acm;
    }

    public VirtualGatewayListenerTLSFileCertificate getFile() {
        return file;
    }

    public void setFile(VirtualGatewayListenerTLSFileCertificate file) {
        this.file = file;
    }

    public VirtualGatewayListenerTLSSDSCertificate getSds() {
        return sds;
    }

    public void setSds(VirtualGatewayListenerTLSSDSCertificate sds) {
        this.sds = sds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayListenerTLSCertificate that = (VirtualGatewayListenerTLSCertificate) o;
        return Objects.equals(acm, that.acm) && Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acm, file, sds);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLSCertificate{" + "acm=" + acm + ", " + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
