package io.appmesh.operator.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * What the admission webhooks read of the cluster (Namespaces, Meshes, VirtualNodes, VirtualGateways), from informer
 * caches, as upstream's webhooks read through the manager's cache: an admission costs no API round trip. Until a cache
 * has synced, and for a namespace the cache does not know yet, the API server is asked directly, so a webhook called
 * right after start-up or right after a namespace was created still decides on the truth.
 */
@ApplicationScoped
public class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class);

    private final KubernetesClient client;
    private SharedIndexInformer<Namespace> namespaces;
    private SharedIndexInformer<Mesh> meshes;
    private SharedIndexInformer<VirtualNode> nodes;
    private SharedIndexInformer<VirtualGateway> gateways;
    /** Handlers of VirtualNode and VirtualGateway events registered before the informers exist. */
    private final List<ResourceEventHandler<HasMetadata>> meshObjectHandlers = new ArrayList<>();

    public ClusterView(KubernetesClient client) {
        this.client = client;
    }

    synchronized void start(@Observes StartupEvent event) {
        namespaces = client.namespaces().runnableInformer(0);
        meshes = client.resources(Mesh.class).runnableInformer(0);
        nodes = client.resources(VirtualNode.class).inAnyNamespace().runnableInformer(0);
        gateways = client.resources(VirtualGateway.class).inAnyNamespace().runnableInformer(0);
        for (ResourceEventHandler<HasMetadata> handler : meshObjectHandlers) {
            nodes.addEventHandler(handler);
            gateways.addEventHandler(handler);
        }
        for (SharedIndexInformer<?> informer : List.of(namespaces, meshes, nodes, gateways)) {
            // An API server that fails the first list (starting, overloaded) is retried with the informer's backoff
            // rather than giving the cache up; meanwhile the webhooks read directly.
            informer.exceptionHandler((started, error) -> true);
            informer.start().whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warnf("informer for the admission webhooks not started yet (direct API reads meanwhile): %s",
                            error.getMessage());
                }
            });
        }
    }

    /**
     * Also tells {@code handler} of every VirtualNode and VirtualGateway (existing ones as additions), from the same
     * informers the webhooks read: whatever can make a pod injectable.
     */
    public synchronized void addMeshObjectHandler(ResourceEventHandler<HasMetadata> handler) {
        if (nodes == null) {
            meshObjectHandlers.add(handler);
            return;
        }
        nodes.addEventHandler(handler);
        gateways.addEventHandler(handler);
    }

    void stop(@Observes ShutdownEvent event) {
        for (SharedIndexInformer<?> informer : new SharedIndexInformer<?>[]{namespaces, meshes, nodes, gateways}) {
            if (informer != null) {
                informer.stop();
            }
        }
    }

    public Optional<Namespace> namespace(String name) {
        if (synced(namespaces)) {
            Namespace cached = namespaces.getStore().getByKey(name);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        return Optional.ofNullable(client.namespaces().withName(name).get());
    }

    public Optional<Mesh> mesh(String name) {
        if (synced(meshes)) {
            return Optional.ofNullable(meshes.getStore().getByKey(name));
        }
        return Optional.ofNullable(client.resources(Mesh.class).withName(name).get());
    }

    public List<Mesh> meshes() {
        return synced(meshes) ? meshes.getStore().list() : client.resources(Mesh.class).list().getItems();
    }

    public List<VirtualNode> virtualNodes(String namespace) {
        return synced(nodes)
                ? nodes.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)
                : client.resources(VirtualNode.class).inNamespace(namespace).list().getItems();
    }

    public List<VirtualGateway> virtualGateways(String namespace) {
        return synced(gateways)
                ? gateways.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)
                : client.resources(VirtualGateway.class).inNamespace(namespace).list().getItems();
    }

    public List<VirtualGateway> virtualGateways() {
        return synced(gateways)
                ? gateways.getStore().list()
                : client.resources(VirtualGateway.class).inAnyNamespace().list().getItems();
    }

    /** Whether every cache has the objects listed (tests wait for it before they admit). */
    public boolean knows(HasMetadata... objects) {
        for (HasMetadata o : objects) {
            String key = o.getMetadata().getNamespace() == null
                    ? o.getMetadata().getName()
                    : o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
            SharedIndexInformer<?> informer = switch (o.getKind()) {
                case "Namespace" -> namespaces;
                case "Mesh" -> meshes;
                case "VirtualNode" -> nodes;
                case "VirtualGateway" -> gateways;
                default -> null;
            };
            if (informer == null || !synced(informer) || informer.getStore().getByKey(key) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean synced(SharedIndexInformer<?> informer) {
        return informer != null && informer.hasSynced();
    }
}
