package io.appmesh.operator.api.v1beta2.virtualnode;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an object that represents a client policy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientPolicy {

    @JsonPropertyDescription("A reference to an object that represents a Transport Layer Security (TLS) client policy.")
    private ClientPolicyTLS tls;

    public ClientPolicyTLS getTls() {
        return tls;
    }

    public void setTls(ClientPolicyTLS tls) {
        this.tls = tls;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ClientPolicy that = (ClientPolicy) o;
        return Objects.equals(tls, that.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tls);
    }

    @Override
    public String toString() {
        return "ClientPolicy{" + "tls=" + tls + "}";
    }
}
