package io.appmesh.operator.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.LabelSelectors;
import io.appmesh.operator.mesh.Lookup;
import io.appmesh.operator.mesh.PodEndpoints;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * A mesh of n nodes and n services in namespace {@code bench}, objects as users write them (with the meshRef and
 * awsName the webhooks default), read through maps keyed as a reconciler's caches are (kind, namespace, name),
 * pods indexed by namespace and {@code app} label.
 */
public final class SyntheticMesh implements Lookup {

    /** Backends per node: the next services by index. */
    public static final int BACKENDS = 5;
    /** Ready pods per node. */
    public static final int PODS = 2;
    /** Every ROUTED-th service is provided by a VirtualRouter, the others by their node. */
    public static final int ROUTED = 4;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    public final Mesh mesh;
    public final List<VirtualNode> nodes = new ArrayList<>();
    public int routers;
    private final Map<Class<?>, Map<String, HasMetadata>> byName = new HashMap<>();
    private final Map<Class<?>, Map<String, List<HasMetadata>>> byNamespace = new HashMap<>();
    private final Map<String, List<Pod>> podsByApp = new HashMap<>();

    private SyntheticMesh(Mesh mesh) {
        this.mesh = mesh;
        add(mesh);
    }

    public static SyntheticMesh of(int n) throws IOException {
        SyntheticMesh m = new SyntheticMesh(read(Mesh.class, """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: bench, uid: mesh-uid-bench}
                spec:
                  namespaceSelector: {matchLabels: {mesh: bench}}
                  awsName: bench
                """));
        for (int i = 0; i < n; i++) {
            StringBuilder backends = new StringBuilder();
            for (int b = 1; b <= Math.min(BACKENDS, n - 1); b++) {
                backends.append("  - virtualService: {virtualServiceRef: {name: svc-%d}}\n"
                        .formatted((i + b) % n));
            }
            VirtualNode node = read(VirtualNode.class, """
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualNode
                    metadata: {name: node-%1$d, namespace: bench}
                    spec:
                      podSelector: {matchLabels: {app: node-%1$d}}
                      listeners:
                      - portMapping: {port: 8080, protocol: http}
                        healthCheck: {protocol: http, path: /ping, healthyThreshold: 2, unhealthyThreshold: 2,
                          timeoutMillis: 2000, intervalMillis: 5000}
                      serviceDiscovery: {dns: {hostname: node-%1$d.bench.svc.cluster.local}}
                      backends:
                    %2$s  meshRef: {name: bench, uid: mesh-uid-bench}
                      awsName: node-%1$d_bench
                    """.formatted(i, backends));
            m.nodes.add(node);
            m.add(node);
            for (int p = 0; p < PODS; p++) {
                m.add(read(Pod.class, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: node-%1$d-%2$d, namespace: bench, labels: {app: node-%1$d}}
                        spec: {containers: [{name: app, image: app}]}
                        status: {phase: Running, podIP: 10.%3$d.%4$d.%5$d,
                          conditions: [{type: ContainersReady, status: "True"}]}
                        """.formatted(i, p, p + 1, i / 250, i % 250 + 1)));
            }
            boolean routed = i % ROUTED == 0;
            m.add(read(VirtualService.class, """
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualService
                    metadata: {name: svc-%1$d, namespace: bench}
                    spec:
                      awsName: svc-%1$d.bench.svc.cluster.local
                      provider: {%2$s: {%2$sRef: {name: %3$s-%1$d}}}
                      meshRef: {name: bench, uid: mesh-uid-bench}
                    """.formatted(i, routed ? "virtualRouter" : "virtualNode", routed ? "router" : "node")));
            if (routed) {
                m.routers++;
                m.add(read(VirtualRouter.class, """
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: VirtualRouter
                        metadata: {name: router-%1$d, namespace: bench}
                        spec:
                          listeners:
                          - portMapping: {port: 8080, protocol: http}
                          routes:
                          - name: canary
                            priority: 0
                            httpRoute:
                              match:
                                prefix: /
                                headers:
                                - name: x-canary
                                  match: {exact: "true"}
                              action:
                                weightedTargets:
                                - {virtualNodeRef: {name: node-%1$d}, weight: 50}
                                - {virtualNodeRef: {name: node-%2$d}, weight: 50}
                              retryPolicy:
                                maxRetries: 3
                                perRetryTimeout: {unit: ms, value: 2000}
                                httpRetryEvents: [server-error, gateway-error]
                                tcpRetryEvents: [connection-error]
                          - name: default
                            priority: 1
                            httpRoute:
                              match: {prefix: /}
                              action:
                                weightedTargets:
                                - {virtualNodeRef: {name: node-%1$d}, weight: 90}
                                - {virtualNodeRef: {name: node-%2$d}, weight: 10}
                          meshRef: {name: bench, uid: mesh-uid-bench}
                          awsName: router-%1$d_bench
                        """.formatted(i, (i + 1) % n)));
            }
        }
        return m;
    }

    /** The node with only its first {@code count} backends (not part of the mesh: a probe for sizes). */
    public VirtualNode withBackends(VirtualNode node, int count) throws IOException {
        VirtualNode copy = read(VirtualNode.class, SERIALIZATION.asYaml(node));
        copy.getSpec().setBackends(List.copyOf(node.getSpec().getBackends().subList(0, count)));
        return copy;
    }

    private static <T> T read(Class<T> type, String yaml) throws IOException {
        List<JsonNode> docs = YamlDocuments.parse(yaml);
        return SERIALIZATION.unmarshal(docs.get(0).toString(), type);
    }

    private void add(HasMetadata object) {
        if (object instanceof Pod pod) {
            podsByApp.computeIfAbsent(key(pod.getMetadata().getNamespace(), pod.getMetadata().getLabels().get("app")),
                    k -> new ArrayList<>()).add(pod);
            return;
        }
        String namespace = object.getMetadata().getNamespace();
        byName.computeIfAbsent(object.getClass(), k -> new HashMap<>())
                .put(key(namespace, object.getMetadata().getName()), object);
        if (namespace != null) {
            byNamespace.computeIfAbsent(object.getClass(), k -> new HashMap<>())
                    .computeIfAbsent(namespace, k -> new ArrayList<>()).add(object);
        }
    }

    private static String key(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        return Optional.ofNullable(byName.getOrDefault(type, Map.of()).get(key(namespace, name))).map(type::cast);
    }

    @Override
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        return byNamespace.getOrDefault(type, Map.of()).getOrDefault(namespace, List.of()).stream()
                .sorted(Comparator.comparing(o -> o.getMetadata().getName())).map(type::cast).toList();
    }

    /** A node's pods: candidates by its {@code app} label from the index, then its whole selector applied. */
    public List<Endpoint> endpoints(VirtualNode node) {
        var selector = node.getSpec().getPodSelector();
        if (selector == null || selector.getMatchLabels() == null) {
            return List.of();
        }
        List<Pod> candidates = podsByApp.getOrDefault(
                key(node.getMetadata().getNamespace(), selector.getMatchLabels().get("app")), List.of());
        List<Pod> selected = candidates.stream()
                .filter(p -> LabelSelectors.matches(selector, p.getMetadata().getLabels())).toList();
        return PodEndpoints.of(selected, name -> Map.of());
    }
}
