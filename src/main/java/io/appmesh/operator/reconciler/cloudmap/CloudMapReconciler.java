package io.appmesh.operator.reconciler.cloudmap;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.EndpointRegistry;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.LabelSelectors;
import io.appmesh.operator.mesh.PodEndpoints;
import io.appmesh.operator.mesh.ReferenceException;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.reconciler.Backoff;
import io.appmesh.operator.reconciler.CacheLookup;
import io.appmesh.operator.reconciler.EventRecorder;
import io.appmesh.operator.reconciler.Finalizers;
import io.appmesh.operator.reconciler.ReconcileMetrics;
import io.appmesh.operator.reconciler.ReconcileMetrics.Result;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Upstream's {@code cloudMap} controller: for VirtualNodes with {@code awsCloudMap} service
 * discovery, registers their pods in Cloud Map and sets the pods' {@code conditions.appmesh.k8s.aws/aws-cloudmap-healthy}
 * readiness-gate condition once Cloud Map has reported the instance's health unchanged for 20 seconds (probed every
 * 4 s). Runs on VirtualNode events and on pod creation, deletion, readiness flips and label changes.
 * <p>
 * The {@code aws-cloudmap-resources} finalizer is added here only to nodes that use Cloud Map (as upstream); the
 * VirtualNode reconciler's cleanup deregisters the instances and removes it, since the SDK calls a reconciler's cleanup
 * only for its own finalizer.
 */
@ControllerConfiguration(name = "cloudMap")
public class CloudMapReconciler implements Reconciler<VirtualNode> {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(4);
    static final Duration HEALTH_STABLE = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(CloudMapReconciler.class);

    private final EndpointRegistry registrar;
    private final References references;
    private final EventRecorder events;
    private final Backoff backoff;
    private final ReconcileMetrics metrics;
    private final long pageLimit;
    /** Per pod UID: the health last observed and since when. */
    private final Map<String, Observation> observed = new ConcurrentHashMap<>();

    private record Observation(boolean healthy, Instant since, Instant firstProbe) {
    }

    private record NodeLabels(Map<String, String> labels, Instant at) {
    }

    private static final Duration NODE_CACHE_TTL = Duration.ofMinutes(2);
    /** Upstream gives up on a pod's readiness gate after half an hour of probing. */
    static final Duration PROBE_LIMIT = Duration.ofMinutes(30);
    private final Map<String, NodeLabels> nodes = new ConcurrentHashMap<>();

    public CloudMapReconciler(EndpointRegistry registrar, References references, EventRecorder events,
            Backoff backoff, ReconcileMetrics metrics, OperatorConfig config) {
        this.pageLimit = config.pageLimit();
        this.registrar = registrar;
        this.references = references;
        this.events = events;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @Override
    public List<EventSource<?, VirtualNode>> prepareEventSources(EventSourceContext<VirtualNode> context) {
        var configuration = InformerEventSourceConfiguration.from(Pod.class, VirtualNode.class)
                .withName("pods")
                // Upstream's --page-limit: the pod informer lists in pages of this size.
                .withInformerListLimit(pageLimit)
                .withSecondaryToPrimaryMapper(pod -> context.getPrimaryCache()
                        .list(pod.getMetadata().getNamespace(), node -> selects(node, pod))
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .withOnUpdateFilter((now, before) -> now.getMetadata().getDeletionTimestamp() != null
                        || PodEndpoints.containersReady(now) != PodEndpoints.containersReady(before)
                        || !Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels())
                        || !Objects.equals(now.getStatus() == null ? null : now.getStatus().getPodIP(),
                                before.getStatus() == null ? null : before.getStatus().getPodIP()))
                .build();
        return List.of(new InformerEventSource<>(configuration, context));
    }

    static boolean usesCloudMap(VirtualNode node) {
        return node.getSpec().getServiceDiscovery() != null
                && node.getSpec().getServiceDiscovery().getAwsCloudMap() != null;
    }

    private static boolean selects(VirtualNode node, Pod pod) {
        return usesCloudMap(node) && node.getSpec().getPodSelector() != null
                && LabelSelectors.matches(node.getSpec().getPodSelector(),
                        Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of()));
    }

    @Override
    public UpdateControl<VirtualNode> reconcile(VirtualNode node, Context<VirtualNode> context) {
        return metrics.time("cloudMap", () -> pass(node, context));
    }

    private UpdateControl<VirtualNode> pass(VirtualNode node, Context<VirtualNode> context) {
        KubernetesClient client = context.getClient();
        if (!usesCloudMap(node)) {
            // Cloud Map discovery was dropped from the node: upstream removes its finalizer without cleanup.
            Finalizers.remove(client, node, List.of(AppMeshApi.CLOUDMAP_RESOURCES_FINALIZER));
            return UpdateControl.noUpdate();
        }
        try {
            Finalizers.ensure(client, node, List.of(AppMeshApi.CLOUDMAP_RESOURCES_FINALIZER));
            Mesh mesh = references.mesh(node.getSpec(), new CacheLookup(context));
            EndpointRegistry.Registration service = registrar.registration(node);
            annotate(client, node, service);
            List<Pod> pods = pods(node, context);
            List<Endpoint> endpoints = PodEndpoints.of(pods, name -> nodeLabels(client, name));
            registrar.register(node, mesh.getSpec().getAwsName(), service, endpoints);
            boolean probing = probe(client, service, pods, endpoints);
            backoff.reset(node);
            metrics.record("cloudMap", Result.SUCCESS);
            return probing
                    ? UpdateControl.<VirtualNode>noUpdate().rescheduleAfter(PROBE_INTERVAL)
                    : UpdateControl.noUpdate();
        } catch (ReferenceException | BackendException e) {
            events.warning(node, "CloudMap", "ReconcileError", e.getMessage());
            metrics.record("cloudMap", Result.ERROR);
            return UpdateControl.<VirtualNode>noUpdate().rescheduleAfter(backoff.next(node, false));
        }
    }

    /** Records the service's ARN on the node once (upstream never updates it). */
    private static void annotate(KubernetesClient client, VirtualNode node, EndpointRegistry.Registration service) {
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        if (service.arn() == null || (annotations != null && annotations.containsKey("cloudMapServiceARN"))) {
            return;
        }
        Finalizers.editLatest(client, node, latest -> {
            latest.getMetadata().getAnnotations().put("cloudMapServiceARN", service.arn());
            return latest;
        });
    }

    private static List<Pod> pods(VirtualNode node, Context<VirtualNode> context) {
        if (node.getSpec().getPodSelector() == null) {
            return List.of();
        }
        // Listed by selector from the pod cache on every pass (as upstream lists them), not only the pods whose events
        // were mapped to this node: pods already running when the node is created, or when its selector changes, count.
        @SuppressWarnings("unchecked")
        var cache = (InformerEventSource<Pod, VirtualNode>) context.eventSourceRetriever().getEventSourceFor(Pod.class);
        return cache.list(node.getMetadata().getNamespace(), pod -> selects(node, pod)).toList();
    }

    /**
     * The labels of a Kubernetes node, for the endpoints' region and zone, remembered for two minutes (a pass must not
     * read every pod's node); upstream ignores look-up errors.
     */
    private Map<String, String> nodeLabels(KubernetesClient client, String nodeName) {
        NodeLabels cached = nodes.get(nodeName);
        if (cached != null && cached.at().plus(NODE_CACHE_TTL).isAfter(Instant.now())) {
            return cached.labels();
        }
        Map<String, String> labels;
        try {
            Node host = client.nodes().withName(nodeName).get();
            labels = host == null || host.getMetadata().getLabels() == null ? Map.of() : host.getMetadata().getLabels();
        } catch (RuntimeException e) {
            return Map.of();
        }
        nodes.put(nodeName, new NodeLabels(labels, Instant.now()));
        return labels;
    }

    /**
     * Sets the readiness-gate condition of pods whose instance health has been stable long enough; true while some pod
     * still waits for it.
     */
    private boolean probe(KubernetesClient client, EndpointRegistry.Registration service, List<Pod> pods,
            List<Endpoint> endpoints) {
        boolean pending = false;
        Set<String> registered = endpoints.stream().map(Endpoint::ip).collect(Collectors.toSet());
        for (Pod pod : pods) {
            String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
            // Only ready pods are probed (as upstream): a pod that is not ready is looked at again when it becomes
            // ready (a pod event), not every few seconds while it crash-loops.
            if (ip == null || !registered.contains(ip) || "True".equals(gate(pod)) || !PodEndpoints.containersReady(pod)) {
                continue;
            }
            Observation previous = observed.get(pod.getMetadata().getUid());
            if (previous != null && Duration.between(previous.firstProbe(), Instant.now()).compareTo(PROBE_LIMIT) > 0) {
                continue;
            }
            boolean healthy = registrar.healthy(service, ip);
            Instant now = Instant.now();
            Observation seen = observed.compute(pod.getMetadata().getUid(),
                    (uid, before) -> before == null
                            ? new Observation(healthy, now, now)
                            : before.healthy() != healthy ? new Observation(healthy, now, before.firstProbe()) : before);
            if (Duration.between(seen.since(), now).compareTo(HEALTH_STABLE) < 0) {
                pending = true;
                continue;
            }
            String status = healthy ? "True" : "False";
            if (!status.equals(gate(pod))) {
                setGate(client, pod, status);
            }
            if (healthy) {
                observed.remove(pod.getMetadata().getUid());
            } else {
                pending = true;
            }
        }
        return pending;
    }

    private static String gate(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        return pod.getStatus().getConditions().stream().filter(c -> AppMeshApi.CLOUDMAP_READINESS_CONDITION.equals(c.getType()))
                .map(PodCondition::getStatus).findFirst().orElse(null);
    }

    private static void setGate(KubernetesClient client, Pod pod, String status) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .editStatus(latest -> {
                        List<PodCondition> conditions = new ArrayList<>(
                                Optional.ofNullable(latest.getStatus().getConditions()).orElse(List.of()));
                        conditions.removeIf(c -> AppMeshApi.CLOUDMAP_READINESS_CONDITION.equals(c.getType()));
                        conditions.add(
                                new PodConditionBuilder().withType(AppMeshApi.CLOUDMAP_READINESS_CONDITION).withStatus(status)
                                        .withLastProbeTime(now).withLastTransitionTime(now).build());
                        latest.getStatus().setConditions(conditions);
                        return latest;
                    });
        } catch (RuntimeException e) {
            LOG.warnf("could not set %s on pod %s/%s: %s", AppMeshApi.CLOUDMAP_READINESS_CONDITION,
                    pod.getMetadata().getNamespace(),
                    pod.getMetadata().getName(), e.getMessage());
        }
    }

}
