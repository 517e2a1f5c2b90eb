package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.BackendGroupReference;
import io.appmesh.operator.api.v1beta2.common.LabelSelector;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.api.v1beta2.common.MeshReference;
import io.fabric8.generator.annotation.Size;

/**
 * VirtualNodeSpec defines the desired state of VirtualNode
 * refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualNodeSpec.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeSpec implements AwsNamed, MeshMember {

    @JsonPropertyDescription("AWSName is the AppMesh VirtualNode object's name.\nIf unspecified or empty, it defaults to be \"${name}_${namespace}\" of k8s VirtualNode")
    private String awsName;

    @JsonPropertyDescription("A reference to an object that represents the defaults for backends.")
    private BackendDefaults backendDefaults;

    @JsonPropertyDescription("BackendGroups that define a set of backends the virtual node is expected to send outbound traffic to.")
    private List<BackendGroupReference> backendGroups;

    @JsonPropertyDescription("The backends that the virtual node is expected to send outbound traffic to.")
    private List<Backend> backends;

    @JsonPropertyDescription("The listener that the virtual node is expected to receive inbound traffic from")
    @Size(min = 0)
    private List<Listener> listeners;

    @JsonPropertyDescription("The inbound and outbound access logging information for the virtual node.")
    private Logging logging;

    @JsonPropertyDescription("A reference to k8s Mesh CR that this VirtualNode belongs to.\nThe admission controller populates it using Meshes's selector, and prevents users from setting this field.\n\nPopulated by the system.\nRead-only.")
    private MeshReference meshRef;

    @JsonPropertyDescription("PodSelector selects Pods using labels to designate VirtualNode membership.\nThis field follows standard label selector semantics:\n\tif present but empty, it selects all pods within namespace.\n\tif absent, it selects no pod.")
    private LabelSelector podSelector;

    @JsonPropertyDescription("The service discovery information for the virtual node. Optional if there is no\ninbound traffic(no listeners). Mandatory if a listener is specified.")
    private ServiceDiscovery serviceDiscovery;

    public String getAwsName() {
        return awsName;
    }

    public void setAwsName(String awsName) {
        this.awsName = awsName;
    }

    public BackendDefaults getBackendDefaults() {
        return backendDefaults;
    }

    public void setBackendDefaults(BackendDefaults backendDefaults) {
        this.backendDefaults = backendDefaults;
    }

    public List<BackendGroupReference> getBackendGroups() {
        return backendGroups;
    }

    public void setBackendGroups(List<BackendGroupReference> backendGroups) {
        this.backendGroups = backendGroups;
    }

    public List<Backend> getBackends() {
        return backends;
    }

    public void setBackends(List<Backend> backends) {
        this.backends = backends;
    }

    public List<Listener> getListeners() {
        return listeners;
    }

    public void setListeners(List<Listener> listeners) {
        this.listeners = listeners;
    }

    public Logging getLogging() {
        return logging;
    }

    public void setLogging(Logging logging) {
        this.logging = logging;
    }

    public MeshReference getMeshRef() {
        return meshRef;
    }

    public void setMeshRef(MeshReference meshRef) {
        this.meshRef = meshRef;
    }

    public LabelSelector getPodSelector() {
        return podSelector;
    }

    public void setPodSelector(LabelSelector podSelector) {
        this.podSelector = podSelector;
    }

    public ServiceDiscovery getServiceDiscovery() {
        return serviceDiscovery;
    }

    public void setServiceDiscovery(ServiceDiscovery serviceDiscovery) {
        this.serviceDiscovery = serviceDiscovery;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualNodeSpec that = (VirtualNodeSpec) o;
        return Objects.equals(awsName, that.awsName) && Objects.equals(backendDefaults, that.backendDefaults)
                && Objects.equals(backendGroups, that.backendGroups) && Objects.equals(backends, that.backends)
                && Objects.equals(listeners, that.listeners) && Objects.equals(logging, that.logging)
                && Objects.equals(meshRef, that.meshRef) && Objects.equals(podSelector, that.podSelector)
                && Objects.equals(serviceDiscovery, that.serviceDiscovery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsName, backendDefaults, backendGroups, backends, listeners, logging, meshRef, podSelector,
                serviceDiscovery);
    }

    @Override
    public String toString() {
        return "VirtualNodeSpec{" + "awsName=" + awsName + ", " + "backendDefaults=" + backendDefaults + ", " + "backendGroups="
                + backendGroups + ", " + "backends=" + backends + ", " + "listeners=" + listeners + ", " + "logging=" + logging
                + ", " + "meshRef=" + meshRef + ", " + "podSelector=" + podSelector + ", " + "serviceDiscovery="
                + serviceDiscovery + "}";
    }
}
