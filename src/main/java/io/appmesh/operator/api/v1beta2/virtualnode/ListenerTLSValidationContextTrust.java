package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * ListenerTLSValidationContextTrust is part of the appmesh.k8s.aws/v1beta2 API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListenerTLSValidationContextTrust {

    @JsonPropertyDescription("An object that represents a TLS validation context trust for a local file.")
    private TLSValidationContextFileTrust file;

    @JsonPropertyDescription("An object that represents a TLS validation context trust for an SDS server")
    private TLSValidationContextSDSTrust sds;

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
        ListenerTLSValidationContextTrust that = (ListenerTLSValidationContextTrust) o;
        return Objects.equals(file, that.file) && Objects.equals(sds, that.sds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, sds);
    }

    @Override
    public String toString() {
        return "ListenerTLSValidationContextTrust{" + "file=" + file + ", " + "sds=" + sds + "}";
    }
}
