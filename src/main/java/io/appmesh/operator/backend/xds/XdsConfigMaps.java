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
import io.appmesh.operator.reconciler.EventRecorder;
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
 * <p>
 * Only the operator's own ConfigMap is written: one carrying its labels, or the {@value #CREATED_BY} annotation it puts
 * on what it creates (so an edit that removed the labels is still put back, also by a later process), or one this
 * process wrote. A ConfigMap of that name with none of these is someone else's: it is left alone, reported once (an
 * error in the log and a Warning event on it) and looked at again every {@value #FOREIGN_CHECK_SECONDS} s, since its
 * deletion does not reach the labelled watch.
 */
@ApplicationScoped
@Typed(XdsConfigMaps.class)
public class XdsConfigMaps {

    private static final Logger LOG = Logger.getLogger(XdsConfigMaps.class);
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OPERATOR = "appmesh-operator";
    static final String PURPOSE = "appmesh.k8s.aws/xds-bootstrap";
    static final Map<String, String> LABELS = Map.of(MANAGED_BY, OPERATOR, PURPOSE, "true");
    /**
     * Marks a ConfigMap the operator created (or took over), so that it is still recognised as the operator's after an
     * edit removed its labels, also by a later process; a ConfigMap of that name with neither is someone else's.
     */
    static final String CREATED_BY = "appmesh.k8s.aws/xds-bootstrap-created-by";
    static final Map<String, String> ANNOTATIONS = Map.of(CREATED_BY, OPERATOR);
    /** The Warning event's reason on a ConfigMap of that name the operator does not own. */
    static final String NOT_OWNED = "XdsConfigMapNotOwned";
    static final long CA_CHECK_SECONDS = 10;
    /** A write that failed for another reason than a conflict is tried again after this long. */
    private static final long RETRY_SECONDS = 10;
    /** How often a name held by someone else's ConfigMap is looked at again (its deletion is not watched). */
    static final long FOREIGN_CHECK_SECONDS = 10;

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
    private final EventRecorder events;
    /** UIDs of the ConfigMaps this process created or rewrote (recognised even without labels and annotation). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    /** Namespaces whose {@code appmesh-xds} is someone else's, reported once (until it is ours or gone). */
    private final Set<String> foreign = ConcurrentHashMap.newKeySet();

    public XdsConfigMaps(OperatorConfig config, KubernetesClient client, ClusterView cluster, EventRecorder events) {
        this.config = config;
        this.client = client;
        this.cluster = cluster;
        this.events = events;
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
                .withAnnotations(ANNOTATIONS).endMetadata()
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
                    || !OPERATOR.equals(annotation(current)) || !Objects.equals(current.getData(), desired.getData())
                    || current.getBinaryData() != null && !current.getBinaryData().isEmpty()) {
                // It carries the operator's labels (the cache holds only such): someone labelled it ours, or it is.
                desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
                written.add(client.configMaps().inNamespace(namespace).resource(desired).update().getMetadata().getUid());
                foreign.remove(namespace);
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
            written.add(client.configMaps().inNamespace(namespace).resource(desired).create().getMetadata().getUid());
            foreign.remove(namespace);
            LOG.infof("ConfigMap %s/%s created", namespace, EnvoyBootstrap.CONFIG_MAP);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // It exists without the operator's labels, so the labelled cache cannot see it: either ours after an edit
            // removed them (put back), or someone else's (left alone: overwriting a user's ConfigMap is not ours to do).
            ConfigMap existing = client.configMaps().inNamespace(namespace).withName(EnvoyBootstrap.CONFIG_MAP).get();
            if (existing == null) {
                worker.schedule(() -> ensure(namespace), 1, TimeUnit.SECONDS); // deleted in between
                return;
            }
            if (!ours(existing)) {
                notOwned(existing);
                // Its deletion is not seen by the labelled watch: look again later.
                worker.schedule(() -> ensure(namespace), FOREIGN_CHECK_SECONDS, TimeUnit.SECONDS);
                return;
            }
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            written.add(client.configMaps().inNamespace(namespace).resource(desired).update().getMetadata().getUid());
            LOG.infof("ConfigMap %s/%s rewritten: it had lost the operator's labels", namespace,
                    EnvoyBootstrap.CONFIG_MAP);
        }
    }

    /**
     * Whether a ConfigMap named {@code appmesh-xds} is the operator's: it carries the operator's labels, or the
     * annotation it puts on what it creates (labels can be edited away; the annotation rarely is, and survives a
     * restart), or this process wrote it (its UID).
     */
    boolean ours(ConfigMap cm) {
        Map<String, String> labels = cm.getMetadata().getLabels() == null ? Map.of() : cm.getMetadata().getLabels();
        return labels.entrySet().containsAll(LABELS.entrySet()) || OPERATOR.equals(annotation(cm))
                || written.contains(cm.getMetadata().getUid());
    }

    private static String annotation(ConfigMap cm) {
        return cm.getMetadata().getAnnotations() == null ? null : cm.getMetadata().getAnnotations().get(CREATED_BY);
    }

    /**
     * Someone else's ConfigMap holds the name: it is left alone, and the namespace's injected Envoys mount it as their
     * xDS bootstrap, which will not work. Said once per namespace (log and a Warning event on that ConfigMap) until the
     * name is free or the ConfigMap is labelled as the operator's.
     */
    private void notOwned(ConfigMap existing) {
        String namespace = existing.getMetadata().getNamespace();
        if (!foreign.add(namespace)) {
            return;
        }
        String message = "ConfigMap " + namespace + "/" + EnvoyBootstrap.CONFIG_MAP + " was not created by "
                + OPERATOR + " (no labels " + MANAGED_BY + "=" + OPERATOR + ", " + PURPOSE + "=true): it is left as it "
                + "is, and Envoys injected in " + namespace + " mount it as their xDS bootstrap, so they will not get "
                + "a valid channel to the operator. Delete or rename it (the operator then creates its own), or add "
                + "those labels to hand it over.";
        LOG.error(message);
        events.warning(existing, "appmesh-xds-configmaps", NOT_OWNED, message);
    }
}
