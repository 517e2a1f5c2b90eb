package io.appmesh.operator.api.v1beta2.gatewayroute;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.appmesh.operator.api.v1beta2.common.VirtualGatewayReference;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * GatewayRouteSpec defines the desired state of GatewayRoute
 * refers to https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayRouteSpec implements AwsNamed, MeshMember {

    @JsonPropertyDescription("AWSName is the AppMesh GatewayRoute object's name.\nIf unspecified or empty, it defaults to be \"${name}_${namespace}\" of k8s GatewayRoute")
    private String awsName;

    @JsonPropertyDescription("An object that represents the specification of a gRPC gatewayRoute.")
    private GRPCGatewayRoute grpcRoute;

    @JsonPropertyDescription("An object that represents the specification of an HTTP/2 gatewayRoute.")
    private HTTPGatewayRoute http2Route;

    @JsonPropertyDescription("An object that represents the specification of an HTTP gatewayRoute.")
    private HTTPGatewayRoute httpRoute;

    @JsonPropertyDescription("A reference to k8s Mesh CR that this GatewayRoute belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("Priority for the gatewayroute.\nDefault Priority is 1000 which is lowest priority")
    @Min(0)
    @Max(1000)
    private Long priority;

    @JsonPropertyDescription("A reference to k8s VirtualGateway CR that this GatewayRoute belongs to.\nThe admission controller populates it using VirtualGateway's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private VirtualGatewayReference virtualGatewayRef;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public GRPCGatewayRoute getGrpcRoute() {
        return grpcRoute;
    }

    public void setGrpcRoute(GRPCGatewayRoute grpcRoute) {
        this.grpcRoute = grpcRoute;
    }

    public HTTPGatewayRoute getHttp2Route() {
        return http2Route;
    }

    public void setHttp2Route(HTTPGatewayRoute http2Route) {
        this.http2Route = http2Route;
    }

    public HTTPGatewayRoute getHttpRoute() {
        return httpRoute;
    }

    public void setHttpRoute(HTTPGatewayRoute httpRoute) {
        this.httpRoute = httpRoute;
    }

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public Long getPriority() {
        return priority;
    }

    public void setPriority(Long priority) {
        this.priority = priority;
    }

    public VirtualGatewayReference getVirtualGatewayRef() {
        return virtualGatewayRef;
    }

    public void setVirtualGatewayRef(VirtualGatewayReference virtualGatewayRef) {
        this.virtualGatewayRef = virtualGatewayRef;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        GatewayRouteSpec that = (GatewayRouteSpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(grpcRoute, that.grpcRoute)
                && Objects.equals(http2Route, that.http2Route) && Objects.equals(httpRoute, that.httpRoute)
                && Objects.equals(meshRef, that.meshRef) && Objects.equals(priority, that.priority)
                && Objects.equals(virtualGatewayRef, that.virtualGatewayRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, grpcRoute, http2Route, httpRoute, meshRef, priority, virtualGatewayRef);
    }

    @Override
    public String toString() {
        return "GatewayRouteSpec{" + "awsName=" + awsName + ", " + "grpcRoute=" + grpcRoute + ", " + "http2Route=" + http2Route
                + ", " + "httpRoute=" + httpRoute + ", " + "meshRef=" + meshRef + ", " + "priority=" + priority + ", "
                + "virtualGatewayRef=" + virtualGatewayRef + "}";
    }
}
