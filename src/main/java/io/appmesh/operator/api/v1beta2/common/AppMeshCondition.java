package io.appmesh.operator.api.v1beta2.common;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/**
 * The shape every kind's status condition shares (upstream declares it once per kind: MeshCondition,
 * VirtualNodeCondition, ...; those classes extend this one and only describe {@code type} their own way). The
 * operator writes {@code <Kind>Active} with True or False; reason and message are set when it knows why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AppMeshCondition {

    @JsonPropertyDescription("Last time the condition transitioned from one status to another.")
    private OffsetDateTime lastTransitionTime;

    @JsonPropertyDescription("A human readable message indicating details about the transition.")
    private String message;

    @JsonPropertyDescription("The reason for the condition's last transition.")
    private String reason;

    @JsonPropertyDescription("Status of the condition, one of True, False, Unknown.")
    @Required
    private String status;

    @Required
    private String type;

    public OffsetDateTime getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(OffsetDateTime lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Overridden by each kind to carry upstream's description of the field. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AppMeshCondition that = (AppMeshCondition) o;
        return Objects.equals(lastTransitionTime, that.lastTransitionTime) && Objects.equals(message, that.message)
                && Objects.equals(reason, that.reason) && Objects.equals(status, that.status)
                && Objects.equals(type, that.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastTransitionTime, message, reason, status, type);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{type=" + type + ", status=" + status + ", lastTransitionTime="
                + lastTransitionTime + ", reason=" + reason + ", message=" + message + "}";
    }
}
