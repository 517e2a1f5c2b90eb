package io.appmesh.operator.api.v1beta2;

/**
 * Names shared by every kind of the {@code appmesh.k8s.aws/v1beta2} API: group, version and the label keys users put on
 * namespaces and pods. They are the upstream controller's names, so existing manifests keep working.
 */
public final class AppMeshApi {

    public static final String GROUP = "appmesh.k8s.aws";
    public static final String VERSION = "v1beta2";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private AppMeshApi() {
    }
}
