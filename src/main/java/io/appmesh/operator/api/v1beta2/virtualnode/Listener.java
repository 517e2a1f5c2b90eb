package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.PortMapping;
import io.fabric8.generator.annotation.Required;

/**
 * Listener refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_Listener.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Listener {

    @JsonPropertyDescription("The connection pool settings for the listener")
    private VirtualNodeConnectionPool connectionPool;

    @JsonPropertyDescription("The health check information for the listener.")
    private HealthCheckPolicy healthCheck;

    @JsonPropertyDescription("The outlier detection for the listener")
    private OutlierDetection outlierDetection;

    @JsonPropertyDescription("The port mapping information for the listener.")
    @Required
    private PortMapping portMapping;

    @JsonPropertyDescription("A reference to an object that represents")
    private ListenerTimeout timeout;

    @JsonPropertyDescription("A reference to an object that represents the Transport Layer Security (TLS) properties for a listener.")
    private ListenerTLS tls;

    public VirtualNodeConnectionPool getConnectionPool() {
        return connectionPool;
    }

    public void setConnectionPool(VirtualNodeConnectionPool connectionPool) {
        this.connectionPool = connectionPool;
    }

    public HealthCheckPolicy getHealthCheck() {
        return healthCheck;
    }

    public void setHealthCheck(HealthCheckPolicy healthCheck) {
        this.healthCheck = healthCheck;
    }

    public OutlierDetection getOutlierDetection() {
        return outlierDetection;
    }

    public void setOutlierDetection(OutlierDetection outlierDetection) {
        this.outlierDetection = outlierDetection;
    }

    public PortMapping getPortMapping() {
        return portMapping;
    }

    public void setPortMapping(PortMapping portMapping) {
        this.portMapping = portMapping;
    }

    public ListenerTimeout getTimeout() {
        return timeout;
    }

    public void setTimeout(ListenerTimeout timeout) {
        this.timeout = timeout;
    }

    public ListenerTLS getTls() {
        return tls;
    }

    public void setTls(ListenerTLS tls) {
        this.tls = tls;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Listener that = (Listener) o;
        return Objects.equals(connectionPool, that.connectionPool) && Objects.equals(healthCheck, that.healthCheck)
                && Objects.equals(outlierDetection, that.outlierDetection) && Objects.equals(portMapping, that.portMapping)
                && Objects.equals(timeout, that.timeout) && Objects.equals(tls, that.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionPool, healthCheck, outlierDetection, portMapping, timeout, tls);
    }

    @Override
    public String toString() {
        return "Listener{" + "connectionPool=" + connectionPool + ", " + "healthCheck=" + healthCheck + ", "
                + "outlierDetection=" + outlierDetection + ", " + "portMapping=" + portMapping + ", " + "timeout=" + timeout
                + ", " + "tls=" + tls + "}";
    }
}
