package io.appmesh.operator.api.v1beta2.backendgroup;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A named group of virtual services that virtual nodes can use as backends at once (experimental; honoured only
 * with enable-backend-groups).
 * <p>
 * BackendGroup is the Schema for the backendgroups API. Unknown top-level keys are preserved, as upstream's
 * {@code +kubebuilder:pruning:PreserveUnknownFields} does.
 */
@Group(AppMeshApi.GROUP)
@Version(AppMeshApi.VERSION)
@Plural("backendgroups")
@Singular("backendgroup")
@Categories("all")
@PreserveUnknownFields
public class BackendGroup extends CustomResource<BackendGroupSpec, BackendGroupStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("BackendGroupSpec defines the desired state of BackendGroup")
    public BackendGroupSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("BackendGroupStatus defines the observed state of BackendGroup")
    public BackendGroupStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected BackendGroupSpec initSpec() {
        return new BackendGroupSpec();
    }

}
