package io.appmesh.operator.api.v1beta2.virtualnode;

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
public class VirtualNodeConnectionPool {

    @JsonPropertyDescription("Specifies grpc connection pool settings for the virtual node listener")
    private GRPCConnectionPool grpc;

    @JsonPropertyDescription("Specifies http connection pool settings for the virtual node listener")
    private HTTPConnectionPool http;

    @JsonPropertyDescription("Specifies http2 connection pool settings for the virtual node listener")
    private HTTP2ConnectionPool http2;

    @JsonPropertyDescription("Specifies tcp connection pool settings for the virtual node listener")
    private TCPConnectionPool tcp;

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

    public TCPConnectionPool getTcp() {
        return tcp;
    }

    public void setTcp(TCPConnectionPool tcp) {
        this.tcp = tcp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualNodeConnectionPool that = (VirtualNodeConnectionPool) o;
        return Objects.equals(grpc, that.grpc) && Objects.equals(http, that.http) && Objects.equals(http2, that.http2)
                && Objects.equals(tcp, that.tcp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grpc, http, http2, tcp);
    }

    @Override
    public String toString() {
        return "VirtualNodeConnectionPool{" + "grpc=" + grpc + ", " + "http=" + http + ", " + "http2=" + http2 + ", " + "tcp="
                + tcp + "}";
    }
}
