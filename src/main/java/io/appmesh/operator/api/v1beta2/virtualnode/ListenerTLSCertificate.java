package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents a listener's TLS certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListenerTLSCertificate {

    @JsonPropertyDescription("A reference to an object that represents an AWS Certificate Manager (ACM) certificate.")
    private ListenerTLSACMCertificate acm;

    @JsonPropertyDescription("A reference to an object that represents a local file certificate.")
    private ListenerTLSFileCertificate file;

    @JsonPropertyDescription("A reference to an object that represents an SDS certificate.")
    private ListenerTLSSDSCertificate sds;

    public ListenerTLSACMCertificate getAcm() {
        return acm;
    }

    public void setAcm(ListenerTLSACMCertificate acm) {
        this.acm = acm;
    }

    public ListenerTLSFileCertificate getFile() {
        return file;
    }

    public void setFile(ListenerTLSFileCertificate file) {
        this.file = file;
    }

    public ListenerTLSSDSCertificate getSds() {
        return sds;
    }

    public void setSds(ListenerTLSSDSCertificate sds) {
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
        ListenerTLSCertificate that = (ListenerTLSCertificate) o;
        return Objects.equals(acm, that.acm) && Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acm, file, sds);
    }

    @Override
    public String toString() {
        return "ListenerTLSCertificate{" + "acm=" + acm + ", " + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
