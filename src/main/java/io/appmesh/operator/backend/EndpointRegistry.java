package io.appmesh.operator.backend;

import java.util.List;

import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.Endpoint;

/**
 * The port through which the pods of a VirtualNode whose service discovery is a registry (App Mesh's
 * {@code awsCloudMap}) are published: AWS Cloud Map ({@code backend/aws/cloudmap}). Failures are
 * {@link BackendException}s.
 */
public interface EndpointRegistry {

    /** Where a node's endpoints are registered. */
    record Registration(String id, String arn, boolean reportsHealth) {
    }

    /** Finds or creates the node's registration. */
    Registration registration(VirtualNode node);

    /** Makes the registered endpoints of this node exactly {@code endpoints}. */
    void register(VirtualNode node, String meshName, Registration registration, List<Endpoint> endpoints);

    /** The registry's health of one registered endpoint, for the pods' readiness gate. */
    boolean healthy(Registration registration, String ip);

    /** Removes everything registered for the node. */
    void cleanup(VirtualNode node, String meshName);
}
