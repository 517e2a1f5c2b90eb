package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.mesh.IpPreference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.mesh.MeshServiceDiscovery;
import io.appmesh.operator.webhook.admission.AdmissionDenied;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/** Mesh validation: a present ipPreference must be IPv4_ONLY or IPv6_ONLY; awsName is immutable. */
@ApplicationScoped
public class MeshValidator implements Validator<Mesh> {

    @Override
    public Class<Mesh> type() {
        return Mesh.class;
    }

    @Override
    public void validateCreate(Mesh mesh, AdmissionRequest request) {
        checkIpPreference(mesh);
    }

    @Override
    public void validateUpdate(Mesh mesh, Mesh old, AdmissionRequest request) {
        new Immutability("Mesh").check("spec.awsName", mesh.getSpec().getAwsName(), old.getSpec().getAwsName()).enforce();
        checkIpPreference(mesh);
    }

    private static void checkIpPreference(Mesh mesh) {
        MeshServiceDiscovery discovery = mesh.getSpec().getMeshServiceDiscovery();
        if (discovery == null) {
            return;
        }
        String preference = discovery.getIpPreference();
        if (!IpPreference.IPV4_ONLY.value().equals(preference) && !IpPreference.IPV6_ONLY.value().equals(preference)) {
            throw new AdmissionDenied("Only non-empty values allowed are IPv4_ONLY or IPv6_ONLY");
        }
    }
}
