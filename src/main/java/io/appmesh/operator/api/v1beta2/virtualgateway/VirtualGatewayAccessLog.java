package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The access log configuration for a virtual Gateway.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayAccessLog {

    @JsonPropertyDescription("The file object to send virtual gateway access logs to.")
    private VirtualGatewayFileAccessLog file;

    public VirtualGatewayFileAccessLog getFile() {
        return file;
    }

    public void setFile(VirtualGatewayFileAccessLog file) {
        this.file = file;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayAccessLog that = (VirtualGatewayAccessLog) o;
        return Objects.equals(file, that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file);
    }

    @Override
    public String toString() {
        return "VirtualGatewayAccessLog{" + "file=" + file + "}";
    }
}
