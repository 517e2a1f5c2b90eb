package io.appmesh.operator.api.v1beta2.mesh;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * MeshStatus defines the observed state of Mesh
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MeshStatus {

    @JsonPropertyDescription("The current Mesh status.")
    private List<MeshCondition> conditions;

    @JsonPropertyDescription("MeshARN is the AppMesh Mesh object's Amazon Resource Name")
    private String meshARN;

    @JsonPropertyDescription("The generation observed by the Mesh controller.")
    private Long observedGeneration;

    public List<MeshCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<MeshCondition> conditions) {
        this.conditions = conditions;
    }

    public String getMeshARN() {
        return meshARN;
    }

    public void setMeshARN(String meshARN) {
        this.meshARN = meshARN;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        MeshStatus that = (MeshStatus) o;
        return Objects.equals(conditions, that.conditions) && Objects.equals(meshARN, that.meshARN)
                && Objects.equals(observedGeneration, that.observedGeneration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, meshARN, observedGeneration);
    }

    @Override
    public String toString() {
        return "MeshStatus{" + "conditions=" + conditions + ", " + "meshARN=" + meshARN + ", " + "observedGeneration="
                + observedGeneration + "}";
    }
}
