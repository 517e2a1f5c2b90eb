package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Specifies tcp timeout information for the virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TCPTimeout {

    @JsonPropertyDescription("An object that represents idle timeout duration.")
    private Duration idle;

    public Duration getIdle() {
        return idle;
    }

    public void setIdle(Duration idle) {
        this.idle = idle;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TCPTimeout that = (TCPTimeout) o;
        return Objects.equals(idle, that.idle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idle);
    }

    @Override
    public String toString() {
        return "TCPTimeout{" + "idle=" + idle + "}";
    }
}
