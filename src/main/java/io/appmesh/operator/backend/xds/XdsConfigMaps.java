package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import io.appmesh.operator.backend.Backends;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.mesh.ClusterView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the {@code appmesh-xds} ConfigMap ({@link EnvoyBootstrap}: the CA, {@code resources.yaml}, {@code envoy.yaml})
 * in every namespace that holds a VirtualNode or VirtualGateway, with {@code appmesh.backend=xds} only.
 * <p>
 * Why those namespaces: the webhook injects a pod only when a VirtualNode or VirtualGateway of the pod's own
 * namespace selects it, so they are exactly where an injected pod can reference the ConfigMap; the namespace label
 * is neither necessary (a pod annotation can enable injection in a {@code disabled} namespace) nor sufficient (a
 * labelled namespace without nodes has no pod to inject). The ConfigMap follows the first such object within an
 * informer event; a pod created in the same instant waits for its volume, which the kubelet retries, rather than
 * failing. A ConfigMap is left in place when the last object of its namespace goes: running pods still mount it.
 * <p>
 * Kept: created when missing, put back when deleted or edited (an informer on the operator's label), rewritten when
 * the CA file changes (read every {@value #CA_CHECK_SECONDS} s; the kubelet refreshes a mounted Secret within about a
 * minute anyway) or the settings change at a restart. All writes run on one thread, in event order.
 */
@ApplicationScoped
@Typed(XdsConfigMaps.class)
public class XdsConfigMaps {

    private static final Logger LOG = Logger.getLogger(XdsConfigMaps.class);
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OPERATOR = "appmesh-operator";
    static final String PURPOSE = "appmesh.k8s.aws/xds-bootstrap";
    static final Map<String, String> LABELS = Map.of(MANAGED_BY, OPERATOR, PURPOSE, "true");
    static final long CA_CHECK_SECONDS = 10;
    /** A write that failed for another reason than a conflict is tried again after this long. */
    private static final long RETRY_SECONDS = 10;

    private final OperatorConfig config;
    private final KubernetesClient client;
    private final ClusterView cluster;
    private final EnvoyBootstrap.Settings settings;
    /** Namespace → the VirtualNodes and VirtualGateways in it ({@code kind/name}). */
    private final Map<String, Set<String>> meshObjects = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "appmesh-xds-configmaps");
        t.setDaemon(true);
        return t;
    });
    private volatile SharedIndexInformer<ConfigMap> configMaps;
    private volatile String ca = "";
    private volatile String caProblem;

    public XdsConfigMaps(OperatorConfig config, KubernetesClient client, ClusterView cluster) {
        this.config = config;
        this.client = client;
        this.cluster = cluster;
        this.settings = EnvoyBootstrap.Settings.of(config);
    }

    void start(@Observes StartupEvent event) {
        if (!Backends.XDS.equals(config.backend().trim())) {
            return;
        }
        readCa();
        configMaps = client.configMaps().inAnyNamespace().withLabels(LABELS).runnableInformer(0);
        configMaps.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                ensureLater(cm.getMetadata().getNamespace());
            }

            @Override
            public void onUpdate(ConfigMap old, ConfigMap cm) {
                ensureLater(cm.getMetadata().getNamespace());
            }

            @Override
            public void onDelete(ConfigMap cm, boolean unknownFinalState) {
                ensureLater(cm.getMetadata().getNamespace());
            }
        });
        // An API server that fails the first list is retried with the informer's backoff.
        configMaps.exceptionHandler((started, error) -> true);
        // The mesh objects are followed once the ConfigMap cache is complete, so that "missing" means missing.
        configMaps.start().whenComplete((ok, error) -> cluster.addMeshObjectHandler(new MeshObjects()));
        worker.scheduleWithFixedDelay(this::checkCa, CA_CHECK_SECONDS, CA_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        if (configMaps != null) {
            configMaps.stop();
        }
    }

    /** The namespaces a ConfigMap is kept in (tests). */
    Set<String> namespaces() {
        return Set.copyOf(meshObjects.keySet());
    }

    private final class MeshObjects implements ResourceEventHandler<HasMetadata> {

        @Override
        public void onAdd(HasMetadata object) {
            String namespace = object.getMetadata().getNamespace();
            meshObjects.computeIfAbsent(namespace, n -> ConcurrentHashMap.newKeySet()).add(key(object));
            ensureLater(namespace);
        }

        @Override
        public void onUpdate(HasMetadata old, HasMetadata object) {
            // Nothing of an object's spec changes the ConfigMap.
        }

        @Override
        public void onDelete(HasMetadata object, boolean unknownFinalState) {
            meshObjects.computeIfPresent(object.getMetadata().getNamespace(), (n, keys) -> {
                keys.remove(key(object));
                return keys.isEmpty() ? null : keys;
            });
        }

        private static String key(HasMetadata object) {
            return object.getKind() + "/" + object.getMetadata().getName();
        }
    }

    private void ensureLater(String namespace) {
        if (!worker.isShutdown()) {
            worker.execute(() -> ensure(namespace));
        }
    }

    private void checkCa() {
        String before = ca;
        readCa();
        if (!before.equals(ca)) {
            LOG.infof("the xDS channel's CA changed; updating the %s ConfigMaps", EnvoyBootstrap.CONFIG_MAP);
            meshObjects.keySet().forEach(this::ensure);
        }
    }

    private void readCa() {
        if (!settings.tls()) {
            ca = "";
            return;
        }
        try {
            ca = ChannelCa.read(config.xds().tls());
            caProblem = null;
        } catch (IOException | RuntimeException e) {
            // Keep the last CA that could be read; say so once per distinct problem.
            if (!Objects.equals(caProblem, e.getMessage())) {
                caProblem = e.getMessage();
                LOG.errorf("%s; injected Envoys cannot verify the ADS server until it can be read", e.getMessage());
            }
        }
    }

    ConfigMap desired(String namespace) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(EnvoyBootstrap.CONFIG_MAP).withNamespace(namespace).withLabels(LABELS)
                .endMetadata()
                .withData(EnvoyBootstrap.configMapData(settings, ca))
                .build();
    }

    private void ensure(String namespace) {
        if (!meshObjects.containsKey(namespace)) {
            return;
        }
        ConfigMap desired = desired(namespace);
        ConfigMap current = configMaps.getStore().getByKey(namespace + "/" + EnvoyBootstrap.CONFIG_MAP);
        try {
            if (current == null) {
                create(desired);
            } else if (!current.getMetadata().getLabels().entrySet().containsAll(LABELS.entrySet())
                    || !Objects.equals(current.getData(), desired.getData()) || current.getBinaryData() != null
                            && !current.getBinaryData().isEmpty()) {
                desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
                client.configMaps().inNamespace(namespace).resource(desired).update();
                LOG.infof("ConfigMap %s/%s rewritten: it differed from the operator's (an edit, a new CA, new settings)",
                        namespace, EnvoyBootstrap.CONFIG_MAP);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // A newer version than the cache's: its informer event brings it and ensures again.
                return;
            }
            LOG.warnf("cannot write ConfigMap %s/%s (again in %d s): %s", namespace, EnvoyBootstrap.CONFIG_MAP,
                    RETRY_SECONDS, e.getMessage());
            worker.schedule(() -> ensure(namespace), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void create(ConfigMap desired) {
        String namespace = desired.getMetadata().getNamespace();
        try {
            client.configMaps().inNamespace(namespace).resource(desired).create();
            LOG.infof("ConfigMap %s/%s created", namespace, EnvoyBootstrap.CONFIG_MAP);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // It exists without the operator's labels (an edit removed them), so the labelled cache cannot see it:
            // overwrite the latest version (fabric8 reads it first).
            client.configMaps().inNamespace(namespace).resource(desired).update();
            LOG.infof("ConfigMap %s/%s rewritten: it had lost the operator's labels", namespace,
                    EnvoyBootstrap.CONFIG_MAP);
        }
    }
}
