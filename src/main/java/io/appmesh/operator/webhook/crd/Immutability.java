package io.appmesh.operator.webhook.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.appmesh.operator.api.v1beta2.common.AwsNamed;
import io.appmesh.operator.api.v1beta2.common.MeshMember;
import io.appmesh.operator.webhook.admission.AdmissionDenied;

/**
 * Collects the immutable fields an UPDATE changed, in the order they are checked, and refuses the update with
 * upstream's message: {@code <Kind> update may not change these fields: f1,f2}. Equality is deep equality of the
 * values, so an absent field and an empty string differ.
 */
final class Immutability {

    private final String kind;
    private final List<String> changed = new ArrayList<>();

    Immutability(String kind) {
        this.kind = kind;
    }

    /** The checks every namespaced kind starts with: spec.awsName (kinds that have one), then spec.meshRef. */
    static Immutability ofMember(String kind, MeshMember spec, MeshMember old) {
        Immutability immutability = new Immutability(kind);
        if (spec instanceof AwsNamed named) {
            immutability.check("spec.awsName", named.getAwsName(), ((AwsNamed) old).getAwsName());
        }
        return immutability.check("spec.meshRef", spec.getMeshRef(), old.getMeshRef());
    }

    Immutability check(String field, Object newValue, Object oldValue) {
        if (!Objects.equals(newValue, oldValue)) {
            changed.add(field);
        }
        return this;
    }

    void enforce() {
        if (!changed.isEmpty()) {
            throw new AdmissionDenied(kind + " update may not change these fields: " + String.join(",", changed));
        }
    }
}
