package io.appmesh.operator.api.v1beta2.common;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Specifies grpc timeout information for the virtual node.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GRPCTimeout {

    @JsonPropertyDescription("An object that represents idle timeout duration.")
    private Duration idle;

    @JsonPropertyDescription("An object that represents per request timeout duration.")
    private Duration perRequest;

    public Duration getIdle() {
        return idle;
    }

    public void setIdle(Duration idle) {
        this.idle = idle;
    }

    public Duration getPerRequest() {
        return perRequest;
    }

    public void setPerRequest(Duration perRequest) {
        this.perRequest = perRequest;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GRPCTimeout that = (GRPCTimeout) o;
        return Objects.equals(idle, that.idle) && Objects.equals(perRequest, that.perRequest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idle, perRequest);
    }

    @Override
    public String toString() {
        return "GRPCTimeout{" + "idle=" + idle + ", " + "perRequest=" + perRequest + "}";
    }
}
