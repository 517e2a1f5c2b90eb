package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents a TLS validation context trust
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TLSValidationContextTrust {

    @JsonPropertyDescription("A reference to an object that represents a TLS validation context trust for an AWS Certicate Manager (ACM) certificate.")
    private TLSValidationContextACMTrust acm;

    @JsonPropertyDescription("An object that represents a TLS validation context trust for a local file.")
    private TLSValidationContextFileTrust file;

    @JsonPropertyDescription("An object that represents a TLS validation context trust for a SDS.")
    private TLSValidationContextSDSTrust sds;

    public TLSValidationContextACMTrust getAcm() {
        return acm;
    }

    public void setAcm(TLSValidationContextACMTrust acm) {
        this.acm = acm;
    }

    public TLSValidationContextFileTrust getFile() {
        return file;
    }

    public void setFile(TLSValidationContextFileTrust file) {
        this.file = file;
    }

    public TLSValidationContextSDSTrust getSds() {
        return sds;
    }

    public void setSds(TLSValidationContextSDSTrust sds) {
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
        TLSValidationContextTrust that = (TLSValidationContextTrust) o;
        return Objects.equals(acm, that.acm) && Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(acm, file, sds);
    }

    @Override
    public String toString() {
        return "TLSValidationContextTrust{" + "acm=" + acm + ", " + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
