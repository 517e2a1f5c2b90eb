package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents the defaults for backends.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendDefaults {

    @JsonPropertyDescription("A reference to an object that represents a client policy.")
    private ClientPolicy clientPolicy;

    public ClientPolicy getClientPolicy() {
        return clientPolicy;
    }

    public void setClientPolicy(ClientPolicy clientPolicy) {
        this.clientPolicy = clientPolicy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        BackendDefaults that = (BackendDefaults) o;
        return Objects.equals(clientPolicy, that.clientPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientPolicy);
    }

    @Override
    public String toString() {
        return "BackendDefaults{" + "clientPolicy=" + clientPolicy + "}";
    }
}
