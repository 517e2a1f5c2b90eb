package io.appmesh.operator.api.v1beta2.mesh;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.crd.generator.annotation.SchemaFrom;

/**
 * MeshServiceDiscovery is part of the appmesh.k8s.aws/v1beta2 API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MeshServiceDiscovery {

    @JsonPropertyDescription("The ipPreference for the mesh.")
    @SchemaFrom(type = IpPreference.class)
    private String ipPreference;

    public String getIpPreference() {
        return ipPreference;
    }

    public void setIpPreference(String ipPreference) {
        this.ipPreference = ipPreference;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        MeshServiceDiscovery that = (MeshServiceDiscovery) o;
        return Objects.equals(ipPreference, that.ipPreference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipPreference);
    }

    @Override
    public String toString() {
        return "MeshServiceDiscovery{" + "ipPreference=" + ipPreference + "}";
    }
}
