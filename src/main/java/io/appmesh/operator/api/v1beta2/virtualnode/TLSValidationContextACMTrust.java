package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A reference to an object that represents a TLS validation context trust for an AWS Certicate Manager (ACM) certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TLSValidationContextACMTrust {

    @JsonPropertyDescription("One or more ACM Amazon Resource Name (ARN)s.")
    @Required
    @Size(min = 1, max = 3)
    private List<String> certificateAuthorityARNs;

    public List<String> getCertificateAuthorityARNs() {
        return certificateAuthorityARNs;
    }

    public void setCertificateAuthorityARNs(List<String> certificateAuthorityARNs) {
        this.certificateAuthorityARNs = certificateAuthorityARNs;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TLSValidationContextACMTrust that = (TLSValidationContextACMTrust) o;
        return Objects.equals(certificateAuthorityARNs, that.certificateAuthorityARNs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateAuthorityARNs);
    }

    @Override
    public String toString() {
        return "TLSValidationContextACMTrust{" + "certificateAuthorityARNs=" + certificateAuthorityARNs + "}";
    }
}
