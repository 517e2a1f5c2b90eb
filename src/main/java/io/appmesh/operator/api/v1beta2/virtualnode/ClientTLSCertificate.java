package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents TLS certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientTLSCertificate {

    @JsonPropertyDescription("An object that represents a TLS cert via a local file")
    private ListenerTLSFileCertificate file;

    @JsonPropertyDescription("An object that represents a TLS cert via SDS entry")
    private ListenerTLSSDSCertificate sds;

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
        ClientTLSCertificate that = (ClientTLSCertificate) o;
        return Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, sds);
    }

    @Override
    public String toString() {
        return "ClientTLSCertificate{" + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
