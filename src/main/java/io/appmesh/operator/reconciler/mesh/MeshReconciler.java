package io.appmesh.operator.reconciler.mesh;

import java.util.List;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.mesh.MeshStatus;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.reconciler.AppMeshReconciler;
import io.appmesh.operator.reconciler.Outcome;
import io.appmesh.operator.reconciler.ReconcilerSupport;
import io.appmesh.operator.reconciler.StatusFactory;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata;

/**
 * Meshes: the App Mesh mesh named {@code spec.awsName}, in the account of {@code spec.meshOwner}
 * when it is shared. Two finalizers, as upstream: {@code mesh-members} (no deletion while a VirtualNode,
 * VirtualService, VirtualRouter, VirtualGateway or GatewayRoute still belongs to the mesh; a
 * {@code PendingMembersDeletion} Warning says what is left and the check runs again every minute), then
 * {@code aws-appmesh-resources} (the AWS mesh is deleted, unless another account owns it).
 */
@ControllerConfiguration(name = "mesh", finalizerName = AppMeshApi.MESH_MEMBERS_FINALIZER)
@CSVMetadata(bundleName = AppMeshApi.BUNDLE, displayName = "App Mesh operator", description = """
        The appmesh.k8s.aws/v1beta2 API (Mesh, VirtualNode, VirtualService, VirtualRouter, VirtualGateway, \
        GatewayRoute, BackendGroup) with the admission webhooks of aws-app-mesh-controller-for-k8s.""", provider = @CSVMetadata.Provider(name = "appmesh-operator"))
public class MeshReconciler extends AppMeshReconciler<Mesh, MeshStatus> {

    public MeshReconciler(ReconcilerSupport support) {
        super(support, "mesh", "Mesh");
    }

    @Override
    protected BackendState sync(Mesh mesh, Lookup lookup) {
        return support.backend().sync(mesh);
    }

    @Override
    protected void delete(Mesh mesh, Lookup lookup) {
        support.backend().delete(mesh, recorded(mesh));
    }

    @Override
    protected MeshStatus status(Mesh mesh, Outcome outcome) {
        return StatusFactory.mesh(mesh, outcome);
    }

    @Override
    protected boolean recorded(Mesh mesh) {
        return mesh.getStatus() != null && mesh.getStatus().getMeshARN() != null;
    }

    @Override
    protected List<String> extraFinalizers() {
        return List.of(AppMeshApi.AWS_RESOURCES_FINALIZER);
    }

    @Override
    protected String pendingMembers(Mesh mesh) {
        String pending = support.members().ofMesh(mesh);
        return pending.isEmpty()
                ? ""
                : "objects belong to this mesh exists, please delete them to proceed. " + pending;
    }

    @Override
    protected String membersComponent() {
        return "mesh-members";
    }
}
