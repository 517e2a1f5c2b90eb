package io.appmesh.operator.webhook.pod;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.xds.NodeGroups;
import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.config.XdsConfig;

/**
 * Everything a pod mutation may read besides the pod: the matched VirtualNode or VirtualGateway (one is null), its
 * Mesh, the injection settings and the facts about the environment that end up in envoy's variables.
 *
 * @param region AWS_REGION for envoy and the X-Ray daemon; empty when unknown
 * @param accountId the operator's AWS account, to tell a shared mesh (meshOwner) apart; empty when unknown
 * @param kubernetesVersion the API server's gitVersion, or {@code UNKNOWN_K8S_VERSION}
 * @param operatorVersion this operator's version
 * @param xds the xDS backend's settings with {@code appmesh.backend=xds}; null with the AWS backend, whose injection
 *        stays upstream's
 */
public record InjectionContext(VirtualNode node, VirtualGateway gateway, Mesh mesh, InjectionConfig config, String region,
        String accountId, String kubernetesVersion, String operatorVersion, XdsConfig xds) {

    /** The profile of {@code appmesh.injection.envoy-profile} that runs upstream Envoy without the App Mesh agent. */
    public static final String ENVOY_PROFILE = "envoy";
    /** The default profile: the App Mesh image, its agent writing the bootstrap. */
    public static final String AWS_APPMESH_ENVOY_PROFILE = "aws-appmesh-envoy";

    /** Whether envoy talks to this operator's ADS server. */
    public boolean xdsBackend() {
        return xds != null;
    }

    /** Whether envoy is upstream Envoy started on the operator's bootstrap (xDS backend, {@code envoy} profile). */
    public boolean upstreamEnvoy() {
        return xds != null && ENVOY_PROFILE.equals(config.envoyProfile().trim());
    }

    /**
     * {@code mesh/<mesh awsName>[@<owner>]/virtualNode|virtualGateway/<awsName>}: the name envoy announces to the
     * control plane (APPMESH_RESOURCE_ARN). With AWS the owner is added for a mesh shared from another account (App
     * Mesh's name for it). With the xDS backend it is the snapshot group the operator serves and authorizes
     * ({@link NodeGroups}), which has no owner: the operator serves the mesh itself, whoever owned it in AWS.
     */
    public String resourcePath() {
        String meshName = mesh.getSpec().getAwsName();
        if (xdsBackend()) {
            return node != null
                    ? NodeGroups.virtualNode(meshName, node.getSpec().getAwsName())
                    : NodeGroups.virtualGateway(meshName, gateway.getSpec().getAwsName());
        }
        String owner = mesh.getSpec().getMeshOwner();
        if (owner != null && !owner.equals(accountId)) {
            meshName = meshName + "@" + owner;
        }
        return node != null
                ? "mesh/" + meshName + "/virtualNode/" + node.getSpec().getAwsName()
                : "mesh/" + meshName + "/virtualGateway/" + gateway.getSpec().getAwsName();
    }
}
