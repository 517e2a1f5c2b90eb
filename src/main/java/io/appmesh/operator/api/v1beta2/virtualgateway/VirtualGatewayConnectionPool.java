package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GRPCConnectionPool;
import io.appmesh.operator.api.v1beta2.common.HTTP2ConnectionPool;
import io.appmesh.operator.api.v1beta2.common.HTTPConnectionPool;

/**
 * The connection pool settings for the listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewayConnectionPool {

    @JsonPropertyDescription("Specifies grpc connection pool settings for the virtual gateway listener")
    private GRPCConnectionPool grpc;

    @JsonPropertyDescription("Specifies http connection pool settings for the virtual gateway listener")
    private HTTPConnectionPool http;

    @JsonPropertyDescription("Specifies http2 connection pool settings for the virtual gateway listener")
    private HTTP2ConnectionPool http2;

    public GRPCConnectionPool getGrpc() {
        return grpc;
    }

    public void setGrpc(GRPCConnectionPool grpc) {
        this.grpc = grpc;
    }

    public HTTPConnectionPool getHttp() {
        return http;
    }

    public void setHttp(HTTPConnectionPool http) {
        this.http = http;
    }

    public HTTP2ConnectionPool getHttp2() {
        return http2;
    }

    public void setHttp2(HTTP2ConnectionPool http2) {
        this.http2 = http2;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewayConnectionPool that = (VirtualGatewayConnectionPool) o;
        return Objects.equals(grpc, that.grpc) && Objects.equals(http, that.http) && Objects.equals(http2, that.http2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grpc, http, http2);
    }

    @Override
    public String toString() {
        return "VirtualGatewayConnectionPool{" + "grpc=" + grpc + ", " + "http=" + http + ", " + "http2=" + http2 + "}";
    }
}
