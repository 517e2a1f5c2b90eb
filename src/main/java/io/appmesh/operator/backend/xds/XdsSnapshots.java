package io.appmesh.operator.backend.xds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.config.XdsConfig;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.model.GatewayModel;
import io.appmesh.operator.mesh.model.GatewayModels;
import io.appmesh.operator.mesh.model.NodeModel;
import io.appmesh.operator.mesh.model.NodeModels;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;

/**
 * Turns the {@link ServedMesh} into one xDS snapshot per virtual node and per virtual gateway and hands them to java-control-plane's cache,
 * which answers the proxies. Builds are debounced (a burst of changes — a rollout, an {@code kubectl apply} of many
 * objects — gives one build: {@code appmesh.xds.debounce} quiet, at most {@code appmesh.xds.debounce-max} after the
 * first change) and run one at a time on a single thread. A snapshot is handed over only when its content changed;
 * versions are content hashes ({@link ContentVersions}).
 * <p>
 * Make-before-break: a cluster no route uses any more is served for {@code appmesh.xds.cluster-linger} longer (the
 * cache answers in the order CDS, EDS, LDS, RDS, so new clusters always arrive before the routes that use them; the
 * reverse — old routes still pointing at a removed cluster — is what the linger prevents).
 */
public final class XdsSnapshots implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(XdsSnapshots.class);

    /**
     * What one group is served: the model it was translated from (a {@link NodeModel} or a {@link GatewayModel}; null
     * when unknown), the translated resources, the lingering clusters and when the change was made.
     */
    record Served(Record model, EnvoyResources resources, Map<String, Long> lingeringUntil, Snapshot snapshot,
            long changedAt) {
    }

    private final SimpleCache<String> cache = new SimpleCache<>(new NodeGroups());
    private final ServedMesh served;
    private final Function<VirtualNode, List<Endpoint>> endpoints;
    private final XdsConfig config;
    private final XdsMetrics metrics;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "xds-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Served> current = new ConcurrentHashMap<>();
    /** Proxyless groups some client asked for: only those get the proxyless variant built. */
    private final Set<String> proxyless = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private ScheduledFuture<?> pending;
    private long firstChange = -1;
    /** The shared groups last logged (builds run on one thread). */
    private Map<String, List<String>> lastShared = Map.of();

    public XdsSnapshots(ServedMesh served, Function<VirtualNode, List<Endpoint>> endpoints, XdsConfig config,
            XdsMetrics metrics) {
        this.served = served;
        this.endpoints = endpoints;
        this.config = config;
        this.metrics = metrics;
    }

    public SimpleCache<String> cache() {
        return cache;
    }

    /** The first build, synchronously; from now on changes are built (before, they only accumulate). */
    public void start() {
        // Started first: an admission made while the first build reads the mesh then asks for a second build.
        started = true;
        try {
            executor.submit(() -> build(System.nanoTime())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the first xDS build failed", e.getCause());
        }
    }

    /** Something the snapshots depend on changed: build after the debounce. */
    public synchronized void changed() {
        if (!started) {
            return;
        }
        long now = System.nanoTime();
        if (firstChange < 0) {
            firstChange = now;
        }
        long due = Math.min(now + config.debounce().toNanos(), firstChange + config.debounceMax().toNanos());
        if (pending != null) {
            pending.cancel(false);
        }
        pending = executor.schedule(this::debounced, Math.max(0, due - now), TimeUnit.NANOSECONDS);
    }

    private void debounced() {
        long changedAt;
        synchronized (this) {
            changedAt = firstChange;
            firstChange = -1;
            pending = null;
        }
        build(changedAt);
    }

    /** A client of this group connected: a proxyless group is built from now on (at once if it is new). */
    public void connected(String group) {
        if (group.startsWith(NodeGroups.GRPC) && proxyless.add(group)) {
            changed();
        }
    }

    /** The snapshot served to a group, or null. */
    public Snapshot snapshot(String group) {
        Served s = current.get(group);
        return s == null ? null : s.snapshot();
    }

    /** When the change a group's current snapshot carries was made (System.nanoTime), or -1. */
    public long changedAt(String group) {
        Served s = current.get(group);
        return s == null ? -1 : s.changedAt();
    }

    public Set<String> groups() {
        return current.keySet();
    }

    private void build(long changedAt) {
        long start = System.nanoTime();
        Map<String, EnvoyResources> desired = new LinkedHashMap<>();
        Map<String, Record> modelOf = new HashMap<>();
        Set<String> unchanged = new java.util.HashSet<>();
        // A target's endpoints are the same for all its callers: computed once per build.
        Map<String, List<Endpoint>> endpointsByNode = new HashMap<>();
        Function<VirtualNode, List<Endpoint>> memo = target -> endpointsByNode.computeIfAbsent(
                target.getMetadata().getNamespace() + "/" + target.getMetadata().getName(), k -> endpoints.apply(target));
        NodeModels models = new NodeModels(served, memo);
        Set<String> shared = sharedGroups();
        for (VirtualNode node : served.all(VirtualNode.class)) {
            String meshName = node.getSpec().getMeshRef() == null ? null : node.getSpec().getMeshRef().getName();
            Mesh mesh = meshName == null ? null : served.get(Mesh.class, null, meshName).orElse(null);
            if (mesh == null || node.getSpec().getAwsName() == null) {
                continue;
            }
            String group = NodeGroups.virtualNode(mesh.getSpec().getAwsName(), node.getSpec().getAwsName());
            if (shared.contains(group)) {
                continue;
            }
            try {
                NodeModel model = models.build(node, mesh);
                translate(group, model, () -> XdsTranslator.translate(model), desired, modelOf, unchanged);
                if (proxyless.contains(NodeGroups.GRPC + group)) {
                    translate(NodeGroups.GRPC + group, model, () -> XdsTranslator.proxyless(model), desired, modelOf,
                            unchanged);
                }
            } catch (RuntimeException e) {
                // One node's failure must not hold back the others; its proxies keep their last configuration.
                LOG.errorf(e, "xDS: cannot translate %s, its proxies keep their last configuration", group);
                metrics.translationFailed();
                for (String g : List.of(group, NodeGroups.GRPC + group)) {
                    Served previous = current.get(g);
                    if (previous != null) {
                        desired.put(g, previous.resources());
                    }
                }
            }
        }
        buildGateways(memo, desired, modelOf, unchanged, shared);
        long now = System.nanoTime();
        long nextLinger = Long.MAX_VALUE;
        int pushed = 0;
        for (var entry : desired.entrySet()) {
            if (unchanged.contains(entry.getKey())) {
                continue;
            }
            Served previous = current.get(entry.getKey());
            Served next = withLinger(modelOf.get(entry.getKey()), entry.getValue(), previous, now, changedAt);
            if (!next.lingeringUntil().isEmpty()) {
                nextLinger = Math.min(nextLinger, next.lingeringUntil().values().stream().min(Long::compare).get());
            }
            if (previous == null || !sameVersions(previous.snapshot(), next.snapshot())) {
                current.put(entry.getKey(), next);
                cache.setSnapshot(entry.getKey(), next.snapshot());
                pushed++;
            } else if (!previous.lingeringUntil().equals(next.lingeringUntil())) {
                current.put(entry.getKey(), new Served(next.model(), next.resources(), next.lingeringUntil(),
                        previous.snapshot(), previous.changedAt()));
            }
        }
        for (String gone : new ArrayList<>(current.keySet())) {
            if (!desired.containsKey(gone)) {
                // The virtual node (or gateway) is gone: its proxies keep the last configuration (App Mesh's behaviour when its
                // management service cannot answer) and the snapshot is dropped once none of them is connected.
                current.remove(gone);
                cache.clearSnapshot(gone);
            }
        }
        metrics.built(System.nanoTime() - start, pushed);
        if (nextLinger != Long.MAX_VALUE) {
            executor.schedule(() -> build(-1), Math.max(0, nextLinger - System.nanoTime()) + 1_000_000,
                    TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Groups more than one served object claims (the backend refuses the second, XdsMeshBackend; only objects an
     * earlier process admitted without that check can get here). Such a group is built for neither: one snapshot per
     * group would be one object's configuration served to the other's pods (the last build winning), and the
     * authorizer lets no pod read it either.
     */
    private Set<String> sharedGroups() {
        Map<String, List<String>> owners = new HashMap<>();
        for (var object : served.all(VirtualNode.class)) {
            addOwner(owners, object);
        }
        for (var object : served.all(VirtualGateway.class)) {
            addOwner(owners, object);
        }
        Map<String, List<String>> shared = new java.util.TreeMap<>();
        owners.forEach((group, objects) -> {
            if (objects.size() > 1) {
                shared.put(group, objects.stream().sorted().toList());
            }
        });
        if (!shared.equals(lastShared)) {
            shared.forEach((group, objects) -> LOG.errorf(
                    "xDS: %s share the group %s (same mesh, kind and awsName): it is served to neither", objects,
                    group));
            lastShared = shared;
        }
        return shared.keySet();
    }

    private void addOwner(Map<String, List<String>> owners, io.fabric8.kubernetes.api.model.HasMetadata object) {
        String group = GroupOwners.groupOf(served, object);
        if (group != null) {
            owners.computeIfAbsent(group, g -> new ArrayList<>()).add(GroupOwners.describe(object));
        }
    }

    /**
     * One group per served virtual gateway ({@code mesh/<mesh>/virtualGateway/<gateway>}, what its Envoy announces),
     * built from the gateway, the served GatewayRoutes naming it and their target services' providers, whose endpoints
     * come from the same per-build memo as the nodes'. A gateway's own pods are endpoints of nothing: nothing in the
     * mesh routes to a gateway.
     */
    private void buildGateways(Function<VirtualNode, List<Endpoint>> endpoints, Map<String, EnvoyResources> desired,
            Map<String, Record> modelOf, Set<String> unchanged, Set<String> shared) {
        GatewayModels gateways = new GatewayModels(served, endpoints);
        List<GatewayRoute> routes = served.all(GatewayRoute.class);
        for (VirtualGateway gateway : served.all(VirtualGateway.class)) {
            String meshName = gateway.getSpec().getMeshRef() == null ? null : gateway.getSpec().getMeshRef().getName();
            Mesh mesh = meshName == null ? null : served.get(Mesh.class, null, meshName).orElse(null);
            if (mesh == null || gateway.getSpec().getAwsName() == null) {
                continue;
            }
            String group = NodeGroups.virtualGateway(mesh.getSpec().getAwsName(), gateway.getSpec().getAwsName());
            if (shared.contains(group)) {
                continue;
            }
            try {
                GatewayModel model = gateways.build(gateway, mesh, routes);
                translate(group, model, () -> GatewayTranslator.translate(model), desired, modelOf, unchanged);
            } catch (RuntimeException e) {
                LOG.errorf(e, "xDS: cannot translate %s, its proxies keep their last configuration", group);
                metrics.translationFailed();
                Served previous = current.get(group);
                if (previous != null) {
                    desired.put(group, previous.resources());
                }
            }
        }
    }

    /**
     * Translates a group's model unless it equals the one its served snapshot came from (and nothing lingers there):
     * most changes concern a few nodes, and translating and hashing the others again would give the same snapshot.
     */
    private void translate(String group, Record model, Supplier<EnvoyResources> translation,
            Map<String, EnvoyResources> desired, Map<String, Record> modelOf, Set<String> unchanged) {
        Served previous = current.get(group);
        if (previous != null && model.equals(previous.model()) && previous.lingeringUntil().isEmpty()) {
            desired.put(group, previous.resources());
            unchanged.add(group);
            return;
        }
        desired.put(group, translation.get());
        modelOf.put(group, model);
    }

    /** The group's new snapshot: the translated resources plus the clusters (and endpoints) still lingering. */
    private Served withLinger(Record model, EnvoyResources resources, Served previous, long now, long changedAt) {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        resources.clusters().forEach(c -> clusters.put(c.getName(), c));
        Map<String, ClusterLoadAssignment> assignments = new LinkedHashMap<>();
        resources.endpoints().forEach(e -> assignments.put(e.getClusterName(), e));
        Map<String, Long> lingering = new HashMap<>();
        if (previous != null) {
            Snapshot old = previous.snapshot();
            for (Cluster cluster : old.clusters().resources().values()) {
                if (clusters.containsKey(cluster.getName())) {
                    continue;
                }
                Long until = previous.lingeringUntil().get(cluster.getName());
                if (until == null) {
                    until = now + config.clusterLinger().toNanos();
                } else if (until <= now) {
                    continue;
                }
                lingering.put(cluster.getName(), until);
                clusters.put(cluster.getName(), cluster);
                ClusterLoadAssignment assignment = old.endpoints().resources().get(cluster.getName());
                if (assignment != null) {
                    assignments.putIfAbsent(cluster.getName(), assignment);
                }
            }
        }
        List<Cluster> clusterList = List.copyOf(clusters.values());
        List<ClusterLoadAssignment> endpointList = List.copyOf(assignments.values());
        Snapshot snapshot = Snapshot.create(clusterList, ContentVersions.of(clusterList), endpointList,
                ContentVersions.of(endpointList), resources.listeners(), ContentVersions.of(resources.listeners()),
                resources.routes(), ContentVersions.of(resources.routes()), List.of(), ContentVersions.of(List.of()));
        // A build that only retires lingering clusters carries no user change (-1): no push latency is measured for it.
        return new Served(model, resources, Map.copyOf(lingering), snapshot, changedAt);
    }

    private static boolean sameVersions(Snapshot a, Snapshot b) {
        return a.clusters().version().equals(b.clusters().version())
                && a.endpoints().version().equals(b.endpoints().version())
                && a.listeners().version().equals(b.listeners().version())
                && a.routes().version().equals(b.routes().version());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
