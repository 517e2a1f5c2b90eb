package io.appmesh.operator.reconciler.virtualgateway;

import java.util.List;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewayStatus;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.reconciler.AppMeshReconciler;
import io.appmesh.operator.reconciler.Outcome;
import io.appmesh.operator.reconciler.ReconcilerSupport;
import io.appmesh.operator.reconciler.StatusFactory;
import io.appmesh.operator.reconciler.Triggers;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/**
 * VirtualGateways: waits for its Mesh to be Active, then keeps the App Mesh virtual gateway. Two
 * finalizers, as upstream: {@code virtualgateway-members} (no deletion while a GatewayRoute in any namespace is attached;
 * {@code PendingMembersDeletion} Warning, checked again every minute), then {@code aws-appmesh-resources}.
 */
@ControllerConfiguration(name = "virtualgateway", finalizerName = AppMeshApi.VIRTUAL_GATEWAY_MEMBERS_FINALIZER)
public class VirtualGatewayReconciler extends AppMeshReconciler<VirtualGateway, VirtualGatewayStatus> {

    public VirtualGatewayReconciler(ReconcilerSupport support) {
        super(support, "virtualgateway", "VirtualGateway");
    }

    @Override
    public List<EventSource<?, VirtualGateway>> prepareEventSources(EventSourceContext<VirtualGateway> context) {
        // What the gateway's proxies say about their configuration (xDS ACK/NACK) shows in its status on the next pass.
        SimpleInboundEventSource<VirtualGateway> proxies = new SimpleInboundEventSource<>();
        support.backend().watchGatewayProxies(
                (namespace, name) -> proxies.propagateEvent(new ResourceID(name, namespace)));
        return List.of(Triggers.onActiveFlip(Mesh.class, context,
                (mesh, gateway) -> Triggers.memberOf(mesh, gateway.getSpec())), proxies);
    }

    @Override
    protected BackendState sync(VirtualGateway gateway, Lookup lookup) {
        return support.backend().syncVirtualGateway(support.references().virtualGateway(gateway, lookup));
    }

    @Override
    protected void delete(VirtualGateway gateway, Lookup lookup) {
        Mesh mesh = support.references().mesh(gateway.getSpec(), lookup);
        support.backend().delete(References.scope(mesh), gateway, recorded(gateway));
    }

    @Override
    protected VirtualGatewayStatus status(VirtualGateway gateway, Outcome outcome) {
        return StatusFactory.virtualGateway(gateway, outcome);
    }

    @Override
    protected boolean recorded(VirtualGateway gateway) {
        return gateway.getStatus() != null && gateway.getStatus().getVirtualGatewayARN() != null;
    }

    @Override
    protected List<String> extraFinalizers() {
        return List.of(AppMeshApi.AWS_RESOURCES_FINALIZER);
    }

    @Override
    protected String pendingMembers(VirtualGateway gateway) {
        String pending = support.members().ofVirtualGateway(gateway);
        return pending.isEmpty()
                ? ""
                : "objects belonging to this virtualGateway exist, please delete them to proceed. " + pending;
    }

    @Override
    protected String membersComponent() {
        return "virtualgateway-members";
    }
}
