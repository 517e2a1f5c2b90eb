package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * Route refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_RouteSpec.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Route {

    @JsonPropertyDescription("An object that represents the specification of a gRPC route.")
    private GRPCRoute grpcRoute;

    @JsonPropertyDescription("An object that represents the specification of an HTTP/2 route.")
    private HTTPRoute http2Route;

    @JsonPropertyDescription("An object that represents the specification of an HTTP route.")
    private HTTPRoute httpRoute;

    @JsonPropertyDescription("Route's name")
    @Required
    private String name;

    @JsonPropertyDescription("The priority for the route.")
    @Min(0)
    @Max(1000)
    private Long priority;

    @JsonPropertyDescription("An object that represents the specification of a TCP route.")
    private TCPRoute tcpRoute;

    public GRPCRoute getGrpcRoute() {
        return grpcRoute;
    }

    public void setGrpcRoute(GRPCRoute grpcRoute) {
        this.grpcRoute = grpcRoute;
    }

    public HTTPRoute getHttp2Route() {
        return http2Route;
    }

    public void setHttp2Route(HTTPRoute http2Route) {
        this.http2Route = http2Route;
    }

    public HTTPRoute getHttpRoute() {
        return httpRoute;
    }

    public void setHttpRoute(HTTPRoute httpRoute) {
        this.httpRoute = httpRoute;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getPriority() {
        return priority;
    }

    public void setPriority(Long priority) {
        this.priority = priority;
    }

    public TCPRoute getTcpRoute() {
        return tcpRoute;
    }

    public void setTcpRoute(TCPRoute tcpRoute) {
        this.tcpRoute = tcpRoute;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Route that = (Route) o;
        return Objects.equals(grpcRoute, that.grpcRoute) && Objects.equals(http2Route, that.http2Route)
                && Objects.equals(httpRoute, that.httpRoute) && Objects.equals(name, that.name)
                && Objects.equals(priority, that.priority) && Objects.equals(tcpRoute, that.tcpRoute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grpcRoute, http2Route, httpRoute, name, priority, tcpRoute);
    }

    @Override
    public String toString() {
        return "Route{" + "grpcRoute=" + grpcRoute + ", " + "http2Route=" + http2Route + ", " + "httpRoute=" + httpRoute + ", "
                + "name=" + name + ", " + "priority=" + priority + ", " + "tcpRoute=" + tcpRoute + "}";
    }
}
