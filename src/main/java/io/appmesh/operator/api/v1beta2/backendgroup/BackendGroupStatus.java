package io.appmesh.operator.api.v1beta2.backendgroup;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * BackendGroupStatus defines the observed state of BackendGroup
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendGroupStatus {

    @Override
    public boolean equals(Object o) {
        return o != null && getClass() == o.getClass();
    }

    @Override
    public int hashCode() {
        return BackendGroupStatus.class.hashCode();
    }

    @Override
    public String toString() {
        return "BackendGroupStatus{}";
    }
}
