package io.appmesh.operator.backend.aws.cloudmap;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.appmesh.operator.api.v1beta2.virtualnode.AWSCloudMapServiceDiscovery;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.aws.AwsClients;
import io.appmesh.operator.backend.BackendException;
import io.appmesh.operator.backend.EndpointRegistry;
import io.appmesh.operator.backend.aws.AwsCalls;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.mesh.ClusterIpFamily;
import io.appmesh.operator.mesh.Endpoint;

import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.CustomHealthStatus;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatus;
import software.amazon.awssdk.services.servicediscovery.model.InstanceNotFoundException;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.NamespaceSummary;
import software.amazon.awssdk.services.servicediscovery.model.OperationStatus;
import software.amazon.awssdk.services.servicediscovery.model.RecordType;
import software.amazon.awssdk.services.servicediscovery.model.RoutingPolicy;
import software.amazon.awssdk.services.servicediscovery.model.ServiceFilterName;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/**
 * Cloud Map registration of a VirtualNode's pods: finds the Cloud Map namespace and service
 * (creating the service, idempotently with the node's UID as {@code CreatorRequestId}), registers one instance per pod
 * IP with upstream's attributes, re-registers on attribute changes, deregisters what is no longer wanted, waits for each
 * asynchronous operation, and reports instance health for the pods' readiness gate. Several nodes may share a service:
 * a node only touches the instances whose {@code appmesh.k8s.aws/mesh} and {@code appmesh.k8s.aws/virtualNode}
 * attributes name it.
 */
@ApplicationScoped
@Typed(CloudMapRegistrar.class)
public class CloudMapRegistrar implements EndpointRegistry {

    public static final String ATTR_MESH = "appmesh.k8s.aws/mesh";
    public static final String ATTR_NODE = "appmesh.k8s.aws/virtualNode";
    public static final String INIT_HEALTH = "AWS_INIT_HEALTH_STATUS";
    private static final Duration CACHE_TTL = Duration.ofMinutes(2);
    private static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(2);

    private final AwsClients clients;
    private final OperatorConfig config;
    private final ClusterIpFamily ipFamily;
    /** Look-ups remembered for two minutes, as upstream caches them (a probe pass must not list namespaces or services). */
    private final Map<String, Cached<NamespaceSummary>> namespaces = new ConcurrentHashMap<>();
    private final Map<String, Cached<ServiceSummary>> services = new ConcurrentHashMap<>();

    private record Cached<T>(T value, Instant at) {
    }

    public CloudMapRegistrar(AwsClients clients, OperatorConfig config, ClusterIpFamily ipFamily) {
        this.clients = clients;
        this.config = config;
        this.ipFamily = ipFamily;
    }

    /** Finds or creates the node's service. */
    @Override
    public Registration registration(VirtualNode node) {
        AWSCloudMapServiceDiscovery discovery = node.getSpec().getServiceDiscovery().getAwsCloudMap();
        NamespaceSummary namespace = namespace(discovery.getNamespaceName()).orElseThrow(() -> new BackendException(
                "CloudMapNamespaceNotFound", "cloudMap namespace not found: " + discovery.getNamespaceName(), null));
        Optional<ServiceSummary> found = findService(namespace.id(), discovery.getServiceName());
        if (found.isPresent()) {
            ServiceSummary s = found.get();
            return new Registration(s.id(), s.arn(), s.healthCheckCustomConfig() != null);
        }
        String type = namespace.typeAsString();
        if (!"DNS_PRIVATE".equals(type) && !"HTTP".equals(type)) {
            throw new BackendException("UnsupportedNamespaceType", "unsupported namespace type: " + type
                    + ", use namespace with types [DNS_PRIVATE HTTP] instead", null);
        }
        var created = call("CreateService", () -> cloudMap().createService(r -> {
            r.creatorRequestId(node.getMetadata().getUid()).namespaceId(namespace.id())
                    .name(discovery.getServiceName());
            if ("DNS_PRIVATE".equals(type)) {
                r.dnsConfig(d -> d.routingPolicy(RoutingPolicy.MULTIVALUE).dnsRecords(rec -> rec
                        .type(ipFamily.isIpv6() ? RecordType.AAAA : RecordType.A).ttl(config.cloudmapDnsTtl())));
            }
            if (config.enableCustomHealthCheck()) {
                r.healthCheckCustomConfig(h -> h.failureThreshold(1));
            }
        }).service());
        return new Registration(created.id(), created.arn(), created.healthCheckCustomConfig() != null);
    }

    /**
     * Makes the node's instances match its pods: ready pods always, not-ready pods only when the service has a custom
     * health check (so their health can be reported as unhealthy).
     */
    @Override
    public void register(VirtualNode node, String meshName, Registration service, List<Endpoint> endpoints) {
        String nodeName = node.getSpec().getAwsName();
        Map<String, Map<String, String>> existing = new LinkedHashMap<>();
        for (InstanceSummary instance : call("ListInstances",
                () -> cloudMap().listInstancesPaginator(r -> r.serviceId(service.id())).stream()
                        .flatMap(page -> page.instances().stream()).toList())) {
            if (meshName.equals(instance.attributes().get(ATTR_MESH))
                    && nodeName.equals(instance.attributes().get(ATTR_NODE))) {
                existing.put(instance.id(), instance.attributes());
            }
        }
        Map<String, Endpoint> desired = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.ready() || (service.reportsHealth() && existing.containsKey(endpoint.ip()))) {
                desired.put(endpoint.ip(), endpoint);
            }
        }
        for (Endpoint endpoint : desired.values()) {
            Map<String, String> attributes = attributes(node, meshName, endpoint);
            Map<String, String> current = existing.get(endpoint.ip());
            if (current == null) {
                attributes.put(INIT_HEALTH, "HEALTHY");
                registerInstance(service, endpoint.ip(), attributes);
            } else if (!withoutInitHealth(current).equals(attributes)) {
                attributes.put(INIT_HEALTH, current.getOrDefault(INIT_HEALTH, endpoint.ready() ? "HEALTHY" : "UNHEALTHY"));
                registerInstance(service, endpoint.ip(), attributes);
            }
        }
        for (String id : existing.keySet()) {
            if (!desired.containsKey(id)) {
                String operation = call("DeregisterInstance",
                        () -> cloudMap().deregisterInstance(r -> r.serviceId(service.id()).instanceId(id)).operationId());
                await(operation);
            }
        }
        if (service.reportsHealth()) {
            for (Endpoint endpoint : desired.values()) {
                call("UpdateInstanceCustomHealthStatus", () -> cloudMap().updateInstanceCustomHealthStatus(r -> r
                        .serviceId(service.id()).instanceId(endpoint.ip())
                        .status(endpoint.ready() ? CustomHealthStatus.HEALTHY : CustomHealthStatus.UNHEALTHY)));
            }
        }
    }

    /** Whether Cloud Map reports the pod's instance healthy (the readiness gate's source). */
    @Override
    public boolean healthy(Registration service, String ip) {
        if (service.reportsHealth()) {
            return call("GetInstancesHealthStatus", () -> cloudMap()
                    .getInstancesHealthStatus(r -> r.serviceId(service.id()).instances(ip)).status()
                    .get(ip)) == HealthStatus.HEALTHY;
        }
        try {
            call("GetInstance", () -> cloudMap().getInstance(r -> r.serviceId(service.id()).instanceId(ip)));
            return true;
        } catch (BackendException e) {
            if (e.getCause() instanceof InstanceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /** Deregisters all of the node's instances and deletes the service if this node created it. */
    @Override
    public void cleanup(VirtualNode node, String meshName) {
        AWSCloudMapServiceDiscovery discovery = node.getSpec().getServiceDiscovery().getAwsCloudMap();
        Optional<NamespaceSummary> namespace = namespace(discovery.getNamespaceName());
        if (namespace.isEmpty()) {
            return;
        }
        // Asked afresh (not the look-up cache): cleanup must see the service as it is.
        services.remove(namespace.get().id() + "/" + discovery.getServiceName());
        Optional<ServiceSummary> found = listService(namespace.get().id(), discovery.getServiceName());
        if (found.isEmpty()) {
            return;
        }
        Registration service = new Registration(found.get().id(), found.get().arn(),
                found.get().healthCheckCustomConfig() != null);
        register(node, meshName, service, List.of());
        var described = call("GetService", () -> cloudMap().getService(r -> r.id(service.id())).service());
        if (node.getMetadata().getUid().equals(described.creatorRequestId())) {
            call("DeleteService", () -> cloudMap().deleteService(r -> r.id(service.id())));
        }
    }

    static Map<String, String> attributes(VirtualNode node, String meshName, Endpoint endpoint) {
        Map<String, String> attributes = new LinkedHashMap<>(endpoint.labels());
        var configured = node.getSpec().getServiceDiscovery().getAwsCloudMap().getAttributes();
        if (configured != null) {
            configured.forEach(a -> attributes.put(a.getKey(), a.getValue()));
        }
        attributes.put(endpoint.ip().contains(":") ? "AWS_INSTANCE_IPV6" : "AWS_INSTANCE_IPV4", endpoint.ip());
        attributes.put("AWS_INSTANCE_PORT", String.valueOf(node.getSpec().getListeners().get(0).getPortMapping().getPort()));
        attributes.put("k8s.io/pod", endpoint.podName());
        attributes.put("k8s.io/namespace", endpoint.namespace());
        attributes.put(ATTR_MESH, meshName);
        attributes.put(ATTR_NODE, node.getSpec().getAwsName());
        if (endpoint.region() != null) {
            attributes.put("REGION", endpoint.region());
        }
        if (endpoint.zone() != null) {
            attributes.put("AVAILABILITY_ZONE", endpoint.zone());
        }
        return attributes;
    }

    private static Map<String, String> withoutInitHealth(Map<String, String> attributes) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.remove(INIT_HEALTH);
        return copy;
    }

    private void registerInstance(Registration service, String id, Map<String, String> attributes) {
        String operation = call("RegisterInstance", () -> cloudMap().registerInstance(r -> r.serviceId(service.id())
                .instanceId(id).attributes(attributes)).operationId());
        await(operation);
    }

    /** Polls an asynchronous Cloud Map operation until it succeeds (or fails: its error message). */
    private void await(String operationId) {
        Instant deadline = Instant.now().plus(OPERATION_TIMEOUT);
        long pause = 100;
        while (Instant.now().isBefore(deadline)) {
            var operation = call("GetOperation", () -> cloudMap().getOperation(r -> r.operationId(operationId))
                    .operation());
            if (operation.status() == OperationStatus.SUCCESS) {
                return;
            }
            if (operation.status() == OperationStatus.FAIL) {
                throw new BackendException("CloudMapOperationFailed", operation.errorMessage(), null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("Interrupted", "interrupted while waiting for " + operationId, e, true);
            }
            pause = Math.min(pause * 2, 3000);
        }
        throw new BackendException("CloudMapOperationTimeout", "operation " + operationId + " did not finish", null,
                true);
    }

    private Optional<NamespaceSummary> namespace(String name) {
        return remembered(namespaces, name, () -> call("ListNamespaces", () -> cloudMap().listNamespacesPaginator(r -> {
        }).stream().flatMap(page -> page.namespaces().stream()).filter(n -> n.name().equals(name)).findFirst()));
    }

    private Optional<ServiceSummary> findService(String namespaceId, String name) {
        return remembered(services, namespaceId + "/" + name, () -> listService(namespaceId, name));
    }

    /** A fresh remembered value, else {@code load}'s answer, remembered when there is one. */
    private static <T> Optional<T> remembered(Map<String, Cached<T>> cache, String key, Supplier<Optional<T>> load) {
        Cached<T> cached = cache.get(key);
        if (cached != null && cached.at().plus(CACHE_TTL).isAfter(Instant.now())) {
            return Optional.of(cached.value());
        }
        Optional<T> found = load.get();
        found.ifPresentOrElse(value -> cache.put(key, new Cached<>(value, Instant.now())), () -> cache.remove(key));
        return found;
    }

    private Optional<ServiceSummary> listService(String namespaceId, String name) {
        return call("ListServices", () -> cloudMap()
                .listServicesPaginator(r -> r.filters(f -> f.name(ServiceFilterName.NAMESPACE_ID).values(namespaceId)
                        .condition("EQ")))
                .stream().flatMap(page -> page.services().stream()).filter(s -> s.name().equals(name)).findFirst());
    }

    private ServiceDiscoveryClient cloudMap() {
        return clients.serviceDiscovery();
    }

    private static <T> T call(String operation, Supplier<T> call) {
        return AwsCalls.call(operation, call);
    }

}
