package io.appmesh.operator.api.v1beta2.virtualgateway;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.fabric8.generator.annotation.Size;

/**
 * VirtualGatewaySpec defines the desired state of VirtualGateway
 * refers to https://docs.aws.amazon.com/app-mesh/latest/userguide/virtual_gateways.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualGatewaySpec implements AwsNamed, MeshMember {

    @JsonPropertyDescription("AWSName is the AppMesh VirtualGateway object's name.\nIf unspecified or empty, it defaults to be \"${name}_${namespace}\" of k8s VirtualGateway")
    private String awsName;

    @JsonPropertyDescription("A reference to an object that represents the defaults for backend GatewayRoutes.")
    private VirtualGatewayBackendDefaults backendDefaults;

    @JsonPropertyDescription("GatewayRouteSelector selects GatewayRoutes using labels to designate GatewayRoute membership.\nIf not specified it selects all GatewayRoutes in that namespace.")
    private LabelSelector gatewayRouteSelector;

    @JsonPropertyDescription("The listener that the virtual gateway is expected to receive inbound traffic from")
    @Size(min = 0)
    private List<VirtualGatewayListener> listeners;

    @JsonPropertyDescription("The inbound and outbound access logging information for the virtual gateway.")
    private VirtualGatewayLogging logging;

    @JsonPropertyDescription("A reference to k8s Mesh CR that this VirtualGateway belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("NamespaceSelector selects Namespaces using labels to designate GatewayRoute membership.\nThis field follows standard label selector semantics; if present but empty, it selects all namespaces.")
    private LabelSelector namespaceSelector;

    @JsonPropertyDescription("PodSelector selects Pods using labels to designate VirtualGateway membership.\nThis field follows standard label selector semantics:\n\tif present but empty, it selects all pods within namespace.\n\tif absent, it selects no pod.")
    private LabelSelector podSelector;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public VirtualGatewayBackendDefaults getBackendDefaults() {
        return backendDefaults;
    }

    public void setBackendDefaults(VirtualGatewayBackendDefaults backendDefaults) {
        this.backendDefaults = backendDefaults;
    }

    public LabelSelector getGatewayRouteSelector() {
        return gatewayRouteSelector;
    }

    public void setGatewayRouteSelector(LabelSelector gatewayRouteSelector) {
        this.gatewayRouteSelector = gatewayRouteSelector;
    }

    public List<VirtualGatewayListener> getListeners() {
        return listeners;
    }

    public void setListeners(List<VirtualGatewayListener> listeners) {
        this.listeners = listeners;
    }

    public VirtualGatewayLogging getLogging() {
        return logging;
    }

    public void setLogging(VirtualGatewayLogging logging) {
        this.logging = logging;
    }

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public LabelSelector getNamespaceSelector() {
        return namespaceSelector;
    }

    public void setNamespaceSelector(LabelSelector namespaceSelector) {
        this.namespaceSelector = namespaceSelector;
    }

    public LabelSelector getPodSelector() {
        return podSelector;
    }

    public void setPodSelector(LabelSelector podSelector) {
        this.podSelector = podSelector;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualGatewaySpec that = (VirtualGatewaySpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(backendDefaults, that.backendDefaults)
                && Objects.equals(gatewayRouteSelector, that.gatewayRouteSelector) && Objects.equals(listeners, that.listeners)
                && Objects.equals(logging, that.logging) && Objects.equals(meshRef, that.meshRef)
                && Objects.equals(namespaceSelector, that.namespaceSelector) && Objects.equals(podSelector, that.podSelector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, backendDefaults, gatewayRouteSelector, listeners, logging, meshRef, namespaceSelector,
                podSelector);
    }

    @Override
    public String toString() {
        return "VirtualGatewaySpec{" + "awsName=" + awsName + ", " + "backendDefaults=" + backendDefaults + ", "
                + "gatewayRouteSelector=" + gatewayRouteSelector + ", " + "listeners=" + listeners + ", " + "logging=" + logging
                + ", " + "meshRef=" + meshRef + ", " + "namespaceSelector=" + namespaceSelector + ", " + "podSelector="
                + podSelector + "}";
    }
}
