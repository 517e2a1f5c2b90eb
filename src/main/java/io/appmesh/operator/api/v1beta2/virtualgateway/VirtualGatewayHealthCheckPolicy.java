package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * The health check information for the listener.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayHealthCheckPolicy {

    @JsonPropertyDescription("The number of consecutive successful health checks that must occur before declaring listener healthy.")
    @Min(2)
    @Max(10)
    private Long healthyThreshold;

    @JsonPropertyDescription("The time period in milliseconds between each health check execution.")
    @Required
    @Min(5000)
    @Max(300000)
    private Long intervalMillis;

    @JsonPropertyDescription("The destination path for the health check request.\nThis value is only used if the specified protocol is http or http2. For any other protocol, this value is ignored.")
    private String path;

    @JsonPropertyDescription("The destination port for the health check request.")
    @Min(1)
    @Max(65535)
    private Long port;

    @JsonPropertyDescription("The protocol for the health check request")
    @Required
    @SchemaFrom(type = VirtualGatewayPortProtocol.class)
    private String protocol;

    @JsonPropertyDescription("The amount of time to wait when receiving a response from the health check, in milliseconds.")
    @Required
    @Min(2000)
    @Max(60000)
    private Long timeoutMillis;

    @JsonPropertyDescription("The number of consecutive failed health checks that must occur before declaring a virtual Gateway unhealthy.")
    @Required
    @Min(2)
    @Max(10)
    private Long unhealthyThreshold;

    public Long getHealthyThreshold() {
        return healthyThreshold;
    }

    public void setHealthyThreshold(Long healthyThreshold) {
        this.healthyThreshold = healthyThreshold;
    }

    public Long getIntervalMillis() {
        return intervalMillis;
    }

    public void setIntervalMillis(Long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public Long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(Long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public Long getUnhealthyThreshold() {
        return unhealthyThreshold;
    }

    public void setUnhealthyThreshold(Long unhealthyThreshold) {
        this.unhealthyThreshold = unhealthyThreshold;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayHealthCheckPolicy that = (VirtualGatewayHealthCheckPolicy) o;
        return Objects.equals(healthyThreshold, that.healthyThreshold) && Objects.equals(intervalMillis, that.intervalMillis)
                && Objects.equals(path, that.path) && Objects.equals(port, that.port) && Objects.equals(protocol, that.protocol)
                && Objects.equals(timeoutMillis, that.timeoutMillis)
                && Objects.equals(unhealthyThreshold, that.unhealthyThreshold);
    }

    @Override
    public int hashCode() {
        return Objects.hash(healthyThreshold, intervalMillis, path, port, protocol, timeoutMillis, unhealthyThreshold);
    }

    @Override
    public String toString() {
        return "VirtualGatewayHealthCheckPolicy{" + "healthyThreshold=" + healthyThreshold + ", " + "intervalMillis="
                + intervalMillis + ", " + "path=" + path + ", " + "port=" + port + ", " + "protocol=" + protocol + ", "
                + "timeoutMillis=" + timeoutMillis + ", " + "unhealthyThreshold=" + unhealthyThreshold + "}";
    }
}
