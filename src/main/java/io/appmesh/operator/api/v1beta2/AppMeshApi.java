package io.appmesh.operator.api.v1beta2;

/**
 * Names shared by every kind of the {@code appmesh.k8s.aws/v1beta2} API: group, version and the label keys users put on
 * namespaces and pods. They are the upstream controller's names, so existing manifests keep working.
 */
public final class AppMeshApi {

    public static final String GROUP = "appmesh.k8s.aws";
    public static final String VERSION = "v1beta2";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** The OLM bundle (and its ClusterServiceVersion) every reconciler belongs to. */
    public static final String BUNDLE = "appmesh-operator";

    /** Held by a Mesh until no VirtualNode, VirtualService, VirtualRouter, VirtualGateway or GatewayRoute is in it. */
    public static final String MESH_MEMBERS_FINALIZER = "finalizers.appmesh.k8s.aws/mesh-members";
    /** Held by a VirtualGateway until no GatewayRoute is attached to it. */
    public static final String VIRTUAL_GATEWAY_MEMBERS_FINALIZER = "finalizers.appmesh.k8s.aws/virtualgateway-members";

    /** Kept on every kind with an App Mesh object until that object is deleted. */
    public static final String AWS_RESOURCES_FINALIZER = "finalizers.appmesh.k8s.aws/aws-appmesh-resources";

    /** Kept on VirtualNodes with Cloud Map service discovery until their instances are deregistered. */
    public static final String CLOUDMAP_RESOURCES_FINALIZER = "finalizers.appmesh.k8s.aws/aws-cloudmap-resources";

    /**
     * Pod condition (and readiness gate, added by injection) that the Cloud Map controller sets True once the pod's
     * instance has been healthy in Cloud Map for a while.
     */
    public static final String CLOUDMAP_READINESS_CONDITION = "conditions.appmesh.k8s.aws/aws-cloudmap-healthy";

    private AppMeshApi() {
    }
}
