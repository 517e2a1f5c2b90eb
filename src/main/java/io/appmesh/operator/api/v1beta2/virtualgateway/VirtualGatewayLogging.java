package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The inbound and outbound access logging information for the virtual gateway.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayLogging {

    @JsonPropertyDescription("The access log configuration for a virtual Gateway.")
    private VirtualGatewayAccessLog accessLog;

    public VirtualGatewayAccessLog getAccessLog() {
        return accessLog;
    }

    public void setAccessLog(VirtualGatewayAccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayLogging that = (VirtualGatewayLogging) o;
        return Objects.equals(accessLog, that.accessLog);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessLog);
    }

    @Override
    public String toString() {
        return "VirtualGatewayLogging{" + "accessLog=" + accessLog + "}";
    }
}
