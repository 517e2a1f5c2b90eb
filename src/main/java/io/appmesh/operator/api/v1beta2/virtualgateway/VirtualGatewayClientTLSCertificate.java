package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents TLS certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayClientTLSCertificate {

    @JsonPropertyDescription("An object that represents a TLS cert via a local file")
    private VirtualGatewayListenerTLSFileCertificate file;

    @JsonPropertyDescription("An object that represents a TLS cert via SDS entry")
    private VirtualGatewayListenerTLSSDSCertificate sds;

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
        VirtualGatewayClientTLSCertificate that = (VirtualGatewayClientTLSCertificate) o;
        return Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, sds);
    }

    @Override
    public String toString() {
        return "VirtualGatewayClientTLSCertificate{" + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
