package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The inbound and outbound access logging information for the virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Logging {

    @JsonPropertyDescription("The access log configuration for a virtual node.")
    private AccessLog accessLog;

    public AccessLog getAccessLog() {
        return accessLog;
    }

    public void setAccessLog(AccessLog accessLog) {
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
        Logging that = (Logging) o;
        return Objects.equals(accessLog, that.accessLog);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessLog);
    }

    @Override
    public String toString() {
        return "Logging{" + "accessLog=" + accessLog + "}";
    }
}
