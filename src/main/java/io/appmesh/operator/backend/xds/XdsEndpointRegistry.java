package io.appmesh.operator.backend.xds;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.EndpointRegistry;
import io.appmesh.operator.mesh.Endpoint;

/**
 * Registry discovery without a registry: with the xDS backend the pods of every virtual node — DNS or Cloud Map
 * discovery alike — reach the callers' proxies through EDS straight from the pod cache, so there is nothing to
 * register and no service to create. A pod's readiness gate follows its own readiness (there is no registry health
 * to wait for).
 */
@ApplicationScoped
@Typed(XdsEndpointRegistry.class)
public class XdsEndpointRegistry implements EndpointRegistry {

    private final XdsControlPlane plane;

    public XdsEndpointRegistry(XdsControlPlane plane) {
        this.plane = plane;
    }

    @Override
    public Registration registration(VirtualNode node) {
        return new Registration(null, null, false);
    }

    @Override
    public void register(VirtualNode node, String meshName, Registration registration, List<Endpoint> endpoints) {
        // The pod informer of the control plane already rebuilt the snapshots for these pods.
    }

    @Override
    public boolean healthy(Registration registration, String ip) {
        return true;
    }

    @Override
    public void cleanup(VirtualNode node, String meshName) {
        // Nothing was registered.
    }
}
