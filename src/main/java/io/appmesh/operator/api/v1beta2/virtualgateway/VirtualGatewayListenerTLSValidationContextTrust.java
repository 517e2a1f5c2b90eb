package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * VirtualGatewayListenerTLSValidationContextTrust is part of the appmesh.k8s.aws/v1beta2 API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayListenerTLSValidationContextTrust {

    @JsonPropertyDescription("A reference to an object that represents a TLS validation context trust for an AWS Certicate Manager (ACM) certificate.")
    private VirtualGatewayTLSValidationContextACMTrust acm;

    @JsonPropertyDescription("An object that represents a TLS validation context trust for a local file.")
    private VirtualGatewayTLSValidationContextFileTrust file;

    @JsonPropertyDescription("An object that represents a TLS validation context trust for an SDS system")
    private VirtualGatewayTLSValidationContextSDSTrust sds;

    public VirtualGatewayTLSValidationContextACMTrust getAcm() {
        return acm;
    }

    public void setAcm(VirtualGatewayTLSValidationContextACMTrust acm) {
        this.acm = acm;
    }

    public VirtualGatewayTLSValidationContextFileTrust getFile() {
        return file;
    }

    public void setFile(VirtualGatewayTLSValidationContextFileTrust file) {
        this.file = file;
    }

    public VirtualGatewayTLSValidationContextSDSTrust getSds() {
        return sds;
    }

    public void setSds(VirtualGatewayTLSValidationContextSDSTrust sds) {
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
        VirtualGatewayListenerTLSValidationContextTrust that = (VirtualGatewayListenerTLSValidationContextTrust) o;
        return Objects.equals(acm, that.acm) && Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acm, file, sds);
    }

    @Override
    public String toString() {
        return "VirtualGatewayListenerTLSValidationContextTrust{" + "acm=" + acm + ", " + "file=" + file + ", " + "sds=" + sds
                + "}";
    }
}
