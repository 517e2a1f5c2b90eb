package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The access log configuration for a virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessLog {

    @JsonPropertyDescription("The file object to send virtual node access logs to.")
    private FileAccessLog file;

    public FileAccessLog getFile() {
        return file;
    }

    public void setFile(FileAccessLog file) {
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
        AccessLog that = (AccessLog) o;
        return Objects.equals(file, that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file);
    }

    @Override
    public String toString() {
        return "AccessLog{" + "file=" + file + "}";
    }
}
