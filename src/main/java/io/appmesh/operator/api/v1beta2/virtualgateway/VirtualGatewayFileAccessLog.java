package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.LoggingFormat;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The file object to send virtual gateway access logs to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayFileAccessLog {

    @JsonPropertyDescription("Structured access log output format")
    private LoggingFormat format;

    @JsonPropertyDescription("The file path to write access logs to.")
    @Required
    @Size(min = 1, max = 255)
    private String path;

    public LoggingFormat getFormat() {
        return format;
    }

    public void setFormat(LoggingFormat format) {
        this.format = format;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayFileAccessLog that = (VirtualGatewayFileAccessLog) o;
        return Objects.equals(format, that.format) && Objects.equals(path, that.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, path);
    }

    @Override
    public String toString() {
        return "VirtualGatewayFileAccessLog{" + "format=" + format + ", " + "path=" + path + "}";
    }
}
