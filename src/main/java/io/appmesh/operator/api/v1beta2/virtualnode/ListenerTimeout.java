package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.GRPCTimeout;
import io.appmesh.operator.api.v1beta2.common.HTTPTimeout;
import io.appmesh.operator.api.v1beta2.common.TCPTimeout;

/**
 * A reference to an object that represents
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListenerTimeout {

    @JsonPropertyDescription("Specifies grpc timeout information for the virtual node.")
    private GRPCTimeout grpc;

    @JsonPropertyDescription("Specifies http timeout information for the virtual node.")
    private HTTPTimeout http;

    @JsonPropertyDescription("Specifies http2 information for the virtual node.")
    private HTTPTimeout http2;

    @JsonPropertyDescription("Specifies tcp timeout information for the virtual node.")
    private TCPTimeout tcp;

    public GRPCTimeout getGrpc() {
        return grpc;
    }

    public void setGrpc(GRPCTimeout grpc) {
        this.grpc = grpc;
    }

    public HTTPTimeout getHttp() {
        return http;
    }

    public void setHttp(HTTPTimeout http) {
        this.http = http;
    }

    public HTTPTimeout getHttp2() {
        return http2;
    }

    public void setHttp2(HTTPTimeout http2) {
        this.http2 = http2;
    }

    public TCPTimeout getTcp() {
        return tcp;
    }

    public void setTcp(TCPTimeout tcp) {
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
        ListenerTimeout that = (ListenerTimeout) o;
        return Objects.equals(grpc, that.grpc) && Objects.equals(http, that.http) && Objects.equals(http2, that.http2)
                && Objects.equals(tcp, that.tcp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grpc, http, http2, tcp);
    }

    @Override
    public String toString() {
        return "ListenerTimeout{" + "grpc=" + grpc + ", " + "http=" + http + ", " + "http2=" + http2 + ", " + "tcp=" + tcp
                + "}";
    }
}
