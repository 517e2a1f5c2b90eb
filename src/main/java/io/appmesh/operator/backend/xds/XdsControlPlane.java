package io.appmesh.operator.backend.xds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.backend.Backends;
import io.appmesh.operator.config.ControllersStarted;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.config.XdsConfig;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.NodePods;
import io.appmesh.operator.mesh.PodEndpoints;
import io.appmesh.operator.reconciler.StatusFactory;
import io.envoyproxy.controlplane.server.V3DiscoveryServer;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc.AggregatedDiscoveryServiceImplBase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.vertx.core.Vertx;

/**
 * The embedded xDS control plane ({@code appmesh.backend=xds}): the {@link ServedMesh} the reconcilers admit objects
 * into, the pods of the virtual nodes (a pod informer of its own), the {@link XdsSnapshots} built from both, and the
 * ADS server (java-control-plane's state-of-the-world ADS on grpc-java's Netty transport) on
 * {@code appmesh.xds.port}.
 * <p>
 * Start order, so that no proxy ever receives a partial mesh: once the controllers run, the objects whose current
 * spec the backend already held (Active at their generation — what an earlier operator process served) are admitted
 * from one list per kind, the pod cache syncs, the first snapshots are built, and only then does the port open. The
 * same objects give the same content versions, so the proxies of a restarted operator receive nothing new.
 */
@ApplicationScoped
@Typed(XdsControlPlane.class)
public class XdsControlPlane {

    private static final Logger LOG = Logger.getLogger(XdsControlPlane.class);
    /** How long an ADS connection lives before the server asks the proxy to reconnect (Istio's default). */
    static final Duration MAX_CONNECTION_AGE = Duration.ofMinutes(30);
    /** How long its streams may stay open after that request before they are reset (Istio's default). */
    static final Duration MAX_CONNECTION_AGE_GRACE = Duration.ofSeconds(10);
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(Mesh.class, VirtualNode.class,
            VirtualService.class, VirtualRouter.class, VirtualGateway.class, GatewayRoute.class);

    private final OperatorConfig config;
    private final KubernetesClient client;
    private final Vertx vertx;
    private final ServedMesh served = new ServedMesh();
    private final ProxyFeedback feedback = new ProxyFeedback();
    private final XdsMetrics metrics;
    private final XdsSnapshots snapshots;
    private volatile SharedIndexInformer<Pod> pods;
    private volatile Server server;
    /** The open authorized streams, with {@code appmesh.xds.authenticate}; null otherwise or before the port opens. */
    private volatile AuthorizedStreams streams;
    /** Held while a VirtualNode or VirtualGateway is checked for a group conflict and admitted. */
    private final Object owners = new Object();

    public XdsControlPlane(OperatorConfig config, KubernetesClient client, MeterRegistry registry, Vertx vertx) {
        this.config = config;
        this.client = client;
        this.vertx = vertx;
        this.metrics = new XdsMetrics(registry);
        this.snapshots = new XdsSnapshots(served, this::endpoints, config.xds(), metrics);
    }

    void start(@Observes ControllersStarted started) {
        if (!Backends.XDS.equals(config.backend().trim())) {
            return;
        }
        try {
            checkChannel(config.xds());
            seed();
            pods = client.pods().inAnyNamespace().withLimit(config.pageLimit()).inform(new PodChanges(), 0);
            pods.start().toCompletableFuture().get(5, TimeUnit.MINUTES);
            snapshots.start();
            server = serverBuilder().build().start();
            LOG.infof("xDS: serving ADS on %s:%d (%s, %s; %d virtual nodes)", config.xds().bindAddress(),
                    server.getPort(), config.xds().tls().enabled() ? "TLS" : "plaintext",
                    config.xds().authenticate() ? "pods authenticated by token" : "unauthenticated",
                    snapshots.groups().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // Without its ADS port the operator cannot do its job (and stays unready): exit so that it is restarted.
            LOG.error("xDS: the control plane did not start (port " + config.xds().port() + "); exiting", e);
            Quarkus.asyncExit(1);
        }
    }

    /**
     * The ADS server: TLS unless {@code appmesh.xds.tls.enabled=false}; with {@code appmesh.xds.authenticate} every
     * stream presents a pod's token ({@link BearerTokenInterceptor}) and reads only a node that selects that pod
     * ({@link AuthorizedStreams}), checked before java-control-plane sees a request.
     */
    private NettyServerBuilder serverBuilder() {
        XdsConfig xds = config.xds();
        AggregatedDiscoveryServiceImplBase ads = new NodeOnEveryRequest(
                new V3DiscoveryServer(new StreamCallbacks(snapshots, feedback, metrics), snapshots.cache())
                        .getAggregatedDiscoveryServiceImpl());
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(xds.bindAddress(), xds.port()))
                // aws-appmesh-envoy pings every 10 s; grpc-java's default (5 min) would close such connections.
                .permitKeepAliveTime(5, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true)
                .keepAliveTime(30, TimeUnit.SECONDS).keepAliveTimeout(10, TimeUnit.SECONDS)
                // A connection is authenticated and authorized when its streams start: ending it after a while (as
                // Istio does, 30 min, grpc-java adds ±10 % jitter) makes every proxy present its current token again.
                // GOAWAY first; streams still open after the grace are reset, and Envoy reconnects at once.
                .maxConnectionAge(MAX_CONNECTION_AGE.toSeconds(), TimeUnit.SECONDS)
                .maxConnectionAgeGrace(MAX_CONNECTION_AGE_GRACE.toSeconds(), TimeUnit.SECONDS);
        if (xds.tls().enabled()) {
            builder.sslContext(XdsTls.serverContext(vertx, xds.tls().certFile(), xds.tls().keyFile()));
        }
        if (!xds.authenticate()) {
            return builder.addService(ads);
        }
        XdsAuthenticator authenticator = new XdsAuthenticator(this::review, xds.tokenAudience(), Clock.systemUTC());
        XdsAuthorizer authorizer = new XdsAuthorizer(served, this::pod);
        AuthorizedStreams authorized = new AuthorizedStreams(ads, authorizer, metrics);
        streams = authorized;
        return builder.addService(
                ServerInterceptors.intercept(authorized, new BearerTokenInterceptor(authenticator, metrics)));
    }

    /**
     * Refuses a channel no proxy could ever use: with authentication on and TLS off, Envoy (and grpc-java) never send
     * call credentials over plaintext, so every stream would arrive without a token and be refused, forever.
     */
    static void checkChannel(XdsConfig xds) {
        if (xds.authenticate() && !xds.tls().enabled()) {
            throw new IllegalStateException("appmesh.xds.authenticate=true needs appmesh.xds.tls.enabled=true: gRPC "
                    + "clients (Envoy included) send no token over plaintext, so every pod would be refused; enable TLS, "
                    + "or set appmesh.xds.authenticate=false as well (tests and benchmarks only)");
        }
    }

    /** The API server's review of a token, for this server's audience only (RBAC: tokenreviews create). */
    private TokenReviewStatus review(String token) {
        TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token)
                .withAudiences(config.xds().tokenAudience()).endSpec().build();
        return client.resource(review).create().getStatus();
    }

    /** Admits what an earlier process served: objects Active at their current generation. */
    private void seed() {
        int seeded = 0;
        // The group of each VirtualNode and VirtualGateway seeded so far (one lookup each, not a scan of the mesh).
        Map<String, HasMetadata> seededGroups = new java.util.HashMap<>();
        // Reconcilers may already have admitted some (they run): those hold their groups too.
        List<HasMetadata> admitted = new java.util.ArrayList<>(served.all(VirtualNode.class));
        admitted.addAll(served.all(VirtualGateway.class));
        for (HasMetadata object : admitted) {
            String group = GroupOwners.groupOf(served, object);
            if (group != null) {
                seededGroups.putIfAbsent(group, object);
            }
        }
        for (Class<? extends HasMetadata> kind : KINDS) {
            List<HasMetadata> objects = new java.util.ArrayList<>(client.resources(kind).inAnyNamespace().list().getItems());
            // Oldest first: when an earlier process let two objects share a group, the older keeps it (the other is
            // refused by its reconciler, XdsMeshBackend).
            objects.sort(
                    java.util.Comparator.comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getCreationTimestamp()))
                            .thenComparing(o -> String.valueOf(o.getMetadata().getNamespace()))
                            .thenComparing(o -> o.getMetadata().getName()));
            for (HasMetadata object : objects) {
                if (object.getMetadata().getDeletionTimestamp() == null && StatusFactory.held(object)
                        && !served.contains(object)) {
                    String group = GroupOwners.groupOf(served, object);
                    HasMetadata owner = group == null ? null : seededGroups.get(group);
                    if (owner != null) {
                        LOG.warnf("xDS: %s not admitted from its status: %s already has its group %s",
                                GroupOwners.describe(object), GroupOwners.describe(owner), group);
                        continue;
                    }
                    if (group != null) {
                        seededGroups.put(group, object);
                    }
                    served.admit(object);
                    seeded++;
                }
            }
        }
        LOG.infof("xDS: %d objects admitted from their status (served by an earlier process) before the first build",
                seeded);
    }

    @PreDestroy
    void stop() {
        Server s = server;
        if (s != null) {
            s.shutdownNow();
        }
        if (pods != null) {
            pods.close();
        }
        snapshots.close();
    }

    /** Serves this version of an object; rebuilds when it changed what is served. */
    public void admit(HasMetadata object) {
        String before = served.get(object.getClass(), object.getMetadata().getNamespace(), object.getMetadata().getName())
                .map(previous -> GroupOwners.groupOf(served, previous)).orElse(null);
        if (served.admit(object)) {
            snapshots.changed();
            reauthorize(object, before, GroupOwners.groupOf(served, object));
        }
    }

    /**
     * Serves this version of a VirtualNode or VirtualGateway unless another served object already has its group
     * ({@code group}: its mesh's awsName, kind and awsName): first admitted wins, so a newcomer in another namespace
     * cannot take over (or share) the configuration an existing node's pods read.
     *
     * @return the object that holds the group, when this one was not admitted
     */
    public Optional<HasMetadata> admitOwner(HasMetadata object, String group) {
        synchronized (owners) {
            for (HasMetadata owner : GroupOwners.owners(served, group)) {
                if (!GroupOwners.same(owner, object)) {
                    return Optional.of(owner);
                }
            }
            admit(object);
            return Optional.empty();
        }
    }

    public void remove(String kind, String namespace, String name) {
        HasMetadata previous = servedObject(kind, namespace, name);
        String before = previous == null ? null : GroupOwners.groupOf(served, previous);
        if (served.remove(kind, namespace, name)) {
            snapshots.changed();
            if (previous != null) {
                reauthorize(previous, before, null);
            }
        }
    }

    private HasMetadata servedObject(String kind, String namespace, String name) {
        for (Class<? extends HasMetadata> type : KINDS) {
            if (HasMetadata.getKind(type).equals(kind)) {
                return served.get(type, namespace, name).orElse(null);
            }
        }
        return null;
    }

    /**
     * A served object changed: the open streams whose right may have changed are checked again — those of its group
     * (before and after: a new selector, another owner, no owner any more) for a VirtualNode or VirtualGateway, every
     * stream for a Mesh (its awsName names every group in it). Other kinds decide nobody's right.
     */
    private void reauthorize(HasMetadata object, String before, String after) {
        AuthorizedStreams open = streams;
        if (open == null) {
            return;
        }
        if (object instanceof Mesh) {
            open.reauthorize((caller, group) -> true);
        } else if (object instanceof VirtualNode || object instanceof VirtualGateway) {
            open.reauthorize((caller, group) -> {
                String base = group.startsWith(NodeGroups.GRPC) ? group.substring(NodeGroups.GRPC.length()) : group;
                return base.equals(before) || base.equals(after);
            });
        }
    }

    /** A pod changed or went: its streams are checked again (its labels may no longer be selected, or it is gone). */
    private void reauthorize(Pod pod) {
        AuthorizedStreams open = streams;
        if (open != null) {
            String namespace = pod.getMetadata().getNamespace();
            String name = pod.getMetadata().getName();
            open.reauthorize((caller, group) -> caller.namespace().equals(namespace) && caller.podName().equals(name));
        }
    }

    public ServedMesh served() {
        return served;
    }

    public ProxyFeedback feedback() {
        return feedback;
    }

    public XdsSnapshots snapshots() {
        return snapshots;
    }

    /** A pod as the control plane's informer holds it, or null. */
    Pod pod(String namespace, String name) {
        SharedIndexInformer<Pod> informer = pods;
        return informer == null ? null : informer.getStore().getByKey(namespace + "/" + name);
    }

    /** The ADS port, once serving. */
    public Optional<Integer> port() {
        Server s = server;
        return s == null ? Optional.empty() : Optional.of(s.getPort());
    }

    /**
     * The endpoints of a node's pods ({@link NodePods}: its podSelector's pods, or for Cloud Map discovery the pods
     * registered into its service with its attributes), ready or not.
     */
    private List<Endpoint> endpoints(VirtualNode node) {
        SharedIndexInformer<Pod> informer = pods;
        if (informer == null) {
            return List.of();
        }
        // Only Cloud Map discovery looks at the other nodes (those sharing its service).
        boolean cloudMap = node.getSpec().getServiceDiscovery() != null
                && node.getSpec().getServiceDiscovery().getAwsCloudMap() != null;
        List<Pod> selected = NodePods.select(node, cloudMap ? served.all(VirtualNode.class) : List.of(),
                namespace -> informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace));
        return PodEndpoints.of(selected, name -> Map.of());
    }

    /** A pod change matters when it can change an endpoint: readiness, IP, labels, deletion. */
    private final class PodChanges implements ResourceEventHandler<Pod> {

        @Override
        public void onAdd(Pod pod) {
            snapshots.changed();
            // A pod of the same name as one whose stream is open: that stream's token names the old UID.
            reauthorize(pod);
        }

        @Override
        public void onUpdate(Pod before, Pod now) {
            if (!Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels())
                    || !Objects.equals(now.getMetadata().getUid(), before.getMetadata().getUid())) {
                reauthorize(now);
            }
            if (now.getMetadata().getDeletionTimestamp() != null
                    || PodEndpoints.containersReady(now) != PodEndpoints.containersReady(before)
                    || !Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels())
                    || !Objects.equals(now.getStatus() == null ? null : now.getStatus().getPodIP(),
                            before.getStatus() == null ? null : before.getStatus().getPodIP())) {
                snapshots.changed();
            }
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            snapshots.changed();
            // A terminating pod keeps its stream (it drains through its Envoy); a deleted one does not.
            reauthorize(pod);
        }
    }
}
