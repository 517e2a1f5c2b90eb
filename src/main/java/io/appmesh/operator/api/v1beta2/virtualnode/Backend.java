package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * Backend refers to https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_Backend.html
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Backend {

    @JsonPropertyDescription("Specifies a virtual service to use as a backend for a virtual node.")
    @Required
    private VirtualServiceBackend virtualService;

    public VirtualServiceBackend getVirtualService() {
        return virtualService;
    }

    public void setVirtualService(VirtualServiceBackend virtualService) {
        this.virtualService = virtualService;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Backend that = (Backend) o;
        return Objects.equals(virtualService, that.virtualService);
    }

    @Override
    public int hashCode() {
        return Objects.hash(virtualService);
    }

    @Override
    public String toString() {
        return "Backend{" + "virtualService=" + virtualService + "}";
    }
}
