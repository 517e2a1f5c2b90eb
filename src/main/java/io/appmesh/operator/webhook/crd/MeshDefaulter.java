package io.appmesh.operator.webhook.crd;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.mesh.IpPreference;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.mesh.MeshServiceDiscovery;
import io.appmesh.operator.mesh.ClusterIpFamily;
import io.appmesh.operator.webhook.admission.AdmissionRequest;

/**
 * Mesh defaulting: awsName from metadata.name on CREATE, and on CREATE and UPDATE the ipPreference that follows the
 * cluster's IP family (an IPv6 cluster always gets IPv6_ONLY; otherwise a present preference becomes IPv4_ONLY and an
 * absent one stays absent).
 */
@ApplicationScoped
public class MeshDefaulter implements Defaulter<Mesh> {

    private final ClusterIpFamily ipFamily;

    public MeshDefaulter(ClusterIpFamily ipFamily) {
        this.ipFamily = ipFamily;
    }

    @Override
    public Class<Mesh> type() {
        return Mesh.class;
    }

    @Override
    public void mutateCreate(Mesh mesh, AdmissionRequest request) {
        if (MeshRefs.isNullOrEmpty(mesh.getSpec().getAwsName())) {
            mesh.getSpec().setAwsName(mesh.getMetadata().getName());
        }
        defaultIpPreference(mesh);
    }

    @Override
    public void mutateUpdate(Mesh mesh, Mesh old, AdmissionRequest request) {
        defaultIpPreference(mesh);
    }

    private void defaultIpPreference(Mesh mesh) {
        MeshServiceDiscovery discovery = mesh.getSpec().getMeshServiceDiscovery();
        if (discovery == null && !ipFamily.isIpv6()) {
            return;
        }
        if (discovery == null) {
            discovery = new MeshServiceDiscovery();
            mesh.getSpec().setMeshServiceDiscovery(discovery);
        }
        discovery.setIpPreference(ipFamily.isIpv6() ? IpPreference.IPV6_ONLY.value() : IpPreference.IPV4_ONLY.value());
    }
}
