package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.Duration;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * The outlier detection for the listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OutlierDetection {

    @JsonPropertyDescription("The base time that a host is ejected for. The real time is equal to the base time multiplied by the number of times the host has been ejected")
    @Required
    private Duration baseEjectionDuration;

    @JsonPropertyDescription("The time interval between ejection analysis sweeps. This can result in both new ejections as well as hosts being returned to service")
    @Required
    private Duration interval;

    @JsonPropertyDescription("The threshold for the max percentage of outlier hosts that can be ejected from the load balancing set.\nmaxEjectionPercent=100 means outlier detection can potentially eject all of the hosts from the upstream service if they are all considered outliers, leaving the load balancing set with zero hosts")
    @Required
    @Min(0)
    @Max(100)
    private Long maxEjectionPercent;

    @JsonPropertyDescription("The threshold for the number of server errors returned by a given host during an outlier detection interval.\nIf the server error count meets/exceeds this threshold the host is ejected.\nA server error is defined as any HTTP 5xx response (or the equivalent for gRPC and TCP connections)")
    @Required
    @Min(1)
    private Long maxServerErrors;

    public Duration getBaseEjectionDuration() {
        return baseEjectionDuration;
    }

    public void setBaseEjectionDuration(Duration baseEjectionDuration) {
        this.baseEjectionDuration = baseEjectionDuration;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Long getMaxEjectionPercent() {
        return maxEjectionPercent;
    }

    public void setMaxEjectionPercent(Long maxEjectionPercent) {
        this.maxEjectionPercent = maxEjectionPercent;
    }

    public Long getMaxServerErrors() {
        return maxServerErrors;
    }

    public void setMaxServerErrors(Long maxServerErrors) {
        this.maxServerErrors = maxServerErrors;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        OutlierDetection that = (OutlierDetection) o;
        return Objects.equals(baseEjectionDuration, that.baseEjectionDuration) && Objects.equals(interval, that.interval)
                && Objects.equals(maxEjectionPercent, that.maxEjectionPercent)
                && Objects.equals(maxServerErrors, that.maxServerErrors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseEjectionDuration, interval, maxEjectionPercent, maxServerErrors);
    }

    @Override
    public String toString() {
        return "OutlierDetection{" + "baseEjectionDuration=" + baseEjectionDuration + ", " + "interval=" + interval + ", "
                + "maxEjectionPercent=" + maxEjectionPercent + ", " + "maxServerErrors=" + maxServerErrors + "}";
    }
}
