package io.appmesh.operator.reconciler.mesh;

import java.time.Duration;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.mesh.Members;
import io.appmesh.operator.reconciler.EventRecorder;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata;
import io.quarkiverse.operatorsdk.annotations.RBACRule;

/**
 * Watches Meshes. Owns the {@code finalizers.appmesh.k8s.aws/mesh-members} finalizer: a Mesh is not deleted while a
 * VirtualNode, VirtualService, VirtualRouter, VirtualGateway or GatewayRoute still belongs to it; meanwhile a
 * {@code PendingMembersDeletion} Warning says what is left, and the check runs again every minute (upstream's
 * behaviour). The App Mesh object itself and the {@code MeshActive} condition arrive with the AWS backend.
 */
@ControllerConfiguration(name = "mesh", finalizerName = AppMeshApi.MESH_MEMBERS_FINALIZER)
@RBACRule(apiGroups = AppMeshApi.GROUP, resources = {"virtualnodes", "virtualservices", "virtualrouters",
        "virtualgateways", "gatewayroutes"}, verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
// The admission webhooks watch Namespaces, VirtualNodes and VirtualGateways (Meshes: this controller's own rule).
// Declared here because the SDK derives the operator's ClusterRoles from its reconcilers.
@RBACRule(apiGroups = "", resources = "namespaces", verbs = {"get", "list", "watch"})
@CSVMetadata(bundleName = AppMeshApi.BUNDLE, displayName = "App Mesh operator", description = """
        The appmesh.k8s.aws/v1beta2 API (Mesh, VirtualNode, VirtualService, VirtualRouter, VirtualGateway, \
        GatewayRoute, BackendGroup) with the admission webhooks of aws-app-mesh-controller-for-k8s.""", provider = @CSVMetadata.Provider(name = "appmesh-operator"))
public class MeshReconciler implements Reconciler<Mesh>, Cleaner<Mesh> {

    static final String EVENT_COMPONENT = "mesh-members";
    static final Duration MEMBERS_RECHECK = Duration.ofSeconds(60);

    private final Members members;
    private final EventRecorder events;

    public MeshReconciler(Members members, EventRecorder events) {
        this.members = members;
        this.events = events;
    }

    @Override
    public UpdateControl<Mesh> reconcile(Mesh mesh, Context<Mesh> context) {
        // The SDK has added the members finalizer before calling us; nothing else is kept without a backend yet.
        return UpdateControl.noUpdate();
    }

    @Override
    public DeleteControl cleanup(Mesh mesh, Context<Mesh> context) {
        String pending = members.ofMesh(mesh);
        if (!pending.isEmpty()) {
            events.warning(mesh, EVENT_COMPONENT, "PendingMembersDeletion",
                    "objects belong to this mesh exists, please delete them to proceed. " + pending);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(MEMBERS_RECHECK.toMillis());
        }
        return DeleteControl.defaultDelete();
    }
}
