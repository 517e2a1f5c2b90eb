package io.appmesh.operator.api.v1beta2.virtualrouter;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.common.PortMapping;
import io.fabric8.generator.annotation.Required;

/**
 * VirtualRouterListener refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_VirtualRouterListener.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualRouterListener {

    @JsonPropertyDescription("The port mapping information for the listener.")
    @Required
    private PortMapping portMapping;

    public PortMapping getPortMapping() {
        return portMapping;
    }

    public void setPortMapping(PortMapping portMapping) {
        this.portMapping = portMapping;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        VirtualRouterListener that = (VirtualRouterListener) o;
        return Objects.equals(portMapping, that.portMapping);
    }

    @Override
    public int hashCode() {
        return Objects.hash(portMapping);
    }

    @Override
    public String toString() {
        return "VirtualRouterListener{" + "portMapping=" + portMapping + "}";
    }
}
