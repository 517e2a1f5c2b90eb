package io.appmesh.operator.reconciler.virtualnode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.Backend;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNodeStatus;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.BackendState;
import io.appmesh.operator.backend.EndpointRegistry;
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
 * VirtualNodes: waits for the Mesh to be Active; its backend VirtualServices must exist in the same
 * mesh but need not be Active (nodes and services may refer to each other). With {@code appmesh.enable-backend-groups},
 * the services of its BackendGroups are appended as plain backends.
 */
@ControllerConfiguration(name = "virtualnode", finalizerName = AppMeshApi.AWS_RESOURCES_FINALIZER)
public class VirtualNodeReconciler extends AppMeshReconciler<VirtualNode, VirtualNodeStatus> {

    private EndpointRegistry cloudMap;

    VirtualNodeReconciler() {
    }

    @jakarta.inject.Inject
    public VirtualNodeReconciler(ReconcilerSupport support, EndpointRegistry cloudMap) {
        super(support, "virtualnode", "VirtualNode");
        this.cloudMap = cloudMap;
    }

    @Override
    public List<EventSource<?, VirtualNode>> prepareEventSources(EventSourceContext<VirtualNode> context) {
        List<EventSource<?, VirtualNode>> sources = new ArrayList<>();
        sources.add(Triggers.onActiveFlip(Mesh.class, context,
                (mesh, node) -> Triggers.memberOf(mesh, node.getSpec())));
        // Not an upstream watch: a node created before its backend service is retried as soon as the service exists.
        sources.add(Triggers.onActiveFlip(VirtualService.class, context, VirtualNodeReconciler::refersTo));
        if (support.config().enableBackendGroups()) {
            sources.add(Triggers.onChange(BackendGroup.class, context, VirtualNodeReconciler::uses));
        }
        // What the node's proxies say about their configuration (xDS ACK/NACK) shows in its status on the next pass.
        SimpleInboundEventSource<VirtualNode> proxies = new SimpleInboundEventSource<>();
        support.backend().watchProxies((namespace, name) -> proxies.propagateEvent(new ResourceID(name, namespace)));
        sources.add(proxies);
        return sources;
    }

    private static boolean refersTo(VirtualService service, VirtualNode node) {
        for (Backend backend : Optional.ofNullable(node.getSpec().getBackends()).orElse(List.of())) {
            var ref = backend.getVirtualService() == null ? null : backend.getVirtualService().getVirtualServiceRef();
            if (ref != null && References.designates(ref.getName(), ref.getNamespace(), node, service)) {
                return true;
            }
        }
        // A "*" backend group takes every service of its namespace.
        return Optional.ofNullable(node.getSpec().getBackendGroups()).orElse(List.of()).stream()
                .anyMatch(group -> "*".equals(group.getName())
                        && References.namespaceOf(group.getNamespace(), node).equals(service.getMetadata().getNamespace()));
    }

    private static boolean uses(BackendGroup group, VirtualNode node) {
        return Optional.ofNullable(node.getSpec().getBackendGroups()).orElse(List.of()).stream()
                .anyMatch(ref -> References.designates(ref.getName(), ref.getNamespace(), node, group));
    }

    @Override
    protected BackendState sync(VirtualNode node, Lookup lookup) {
        return support.backend().syncVirtualNode(support.references().virtualNode(node, lookup));
    }

    @Override
    protected void delete(VirtualNode node, Lookup lookup) {
        Mesh mesh = support.references().mesh(node.getSpec(), lookup);
        // Cloud Map first (upstream's cloudMap controller finalizer): the pods' instances, then the service it created.
        if (node.hasFinalizer(AppMeshApi.CLOUDMAP_RESOURCES_FINALIZER) && node.getSpec().getServiceDiscovery() != null
                && node.getSpec().getServiceDiscovery().getAwsCloudMap() != null) {
            cloudMap.cleanup(node, mesh.getSpec().getAwsName());
        }
        support.backend().delete(References.scope(mesh), node, recorded(node));
    }

    @Override
    protected List<String> finalizersRemovedOnCleanup(VirtualNode node) {
        return List.of(AppMeshApi.CLOUDMAP_RESOURCES_FINALIZER);
    }

    @Override
    protected VirtualNodeStatus status(VirtualNode node, Outcome outcome) {
        return StatusFactory.virtualNode(node, outcome);
    }

    @Override
    protected boolean recorded(VirtualNode node) {
        return node.getStatus() != null && node.getStatus().getVirtualNodeARN() != null;
    }
}
