package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.config.XdsConfig;
import io.appmesh.operator.mesh.Endpoint;
import io.appmesh.operator.mesh.LabelSelectors;
import io.appmesh.operator.mesh.PodEndpoints;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The snapshot builder on its own: content-hash versions equal across builders (a restarted operator offers what the
 * proxies hold), make-before-break (a cluster outlives the routes that used it by the linger, then goes), debouncing
 * (a burst of changes is one build, a steady trickle still builds before it ends), and the last good configuration
 * when an object is no longer admitted.
 */
class XdsSnapshotsTest {

    private static final String FRONT = "mesh/m/virtualNode/front_ns";
    private static final String GATEWAY = "mesh/m/virtualGateway/gw_ns";
    private final List<XdsSnapshots> builders = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        builders.forEach(XdsSnapshots::close);
    }

    @Test
    void versionsAreTheContentsHashes() throws Exception {
        ServedMesh served = mesh("blue");
        Snapshot first = start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200)))
                .snapshot(FRONT);
        Snapshot again = start(mesh("blue"), config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200)))
                .snapshot(FRONT);
        assertThat(first).isNotNull();
        assertThat(again.clusters().version()).isEqualTo(first.clusters().version());
        assertThat(again.endpoints().version()).isEqualTo(first.endpoints().version());
        assertThat(again.listeners().version()).isEqualTo(first.listeners().version());
        assertThat(again.routes().version()).isEqualTo(first.routes().version());
        Snapshot green = start(mesh("green"), config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200)))
                .snapshot(FRONT);
        assertThat(green.routes().version()).isNotEqualTo(first.routes().version());
        assertThat(green.listeners().version()).as("listeners do not name the target").isEqualTo(first.listeners().version());
    }

    @Test
    void aClusterOutlivesTheRoutesThatUsedItByTheLinger() throws Exception {
        ServedMesh served = mesh("blue");
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(1500)));
        String blue = "cds_egress_m_blue_ns_http_8080";
        String green = "cds_egress_m_green_ns_http_8080";
        assertThat(snapshots.snapshot(FRONT).clusters().resources()).containsKey(blue).doesNotContainKey(green);

        served.admit(router("green"));
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> routesTo(snapshots.snapshot(FRONT), green));
        Snapshot switched = snapshots.snapshot(FRONT);
        assertThat(routesTo(switched, blue)).isFalse();
        assertThat(switched.clusters().resources()).as("blue lingers while the new routes reach the proxies")
                .containsKeys(blue, green);
        assertThat(switched.endpoints().resources()).containsKeys(blue, green);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !snapshots.snapshot(FRONT).clusters().resources().containsKey(blue));
        assertThat(snapshots.snapshot(FRONT).endpoints().resources()).doesNotContainKey(blue).containsKey(green);
    }

    @Test
    void aNodeTheChangeDoesNotConcernKeepsItsSnapshot() throws Exception {
        ServedMesh served = mesh("blue");
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(30)));
        String blueNode = "mesh/m/virtualNode/blue_ns";
        Snapshot blue = snapshots.snapshot(blueNode);
        Snapshot front = snapshots.snapshot(FRONT);

        served.admit(router("green"));
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.snapshot(FRONT) != front);
        assertThat(snapshots.snapshot(blueNode)).as("the same snapshot, not rebuilt and re-hashed").isSameAs(blue);
    }

    @Test
    void aBurstOfChangesIsOneBuild() throws Exception {
        ServedMesh served = mesh("blue");
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(200)));
        long before = builds();
        for (int i = 0; i < 10; i++) {
            snapshots.changed();
            Thread.sleep(10);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> builds() > before);
        Thread.sleep(1000);
        assertThat(builds() - before).isEqualTo(1);
    }

    @Test
    void aSteadyTrickleStillBuildsWithinTheMaximum() throws Exception {
        ServedMesh served = mesh("blue");
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(200)));
        long before = builds();
        // Changes every 100 ms for 3 s: never 400 ms quiet, so only the 800 ms maximum lets builds through.
        for (int i = 0; i < 30; i++) {
            snapshots.changed();
            Thread.sleep(100);
        }
        assertThat(builds() - before).as("builds while the changes went on").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aNodeWhoseMeshIsNotServedGetsNoSnapshot() throws Exception {
        ServedMesh served = mesh("blue");
        served.remove("Mesh", null, "m");
        assertThat(start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200)))
                .snapshot(FRONT)).isNull();
    }

    @Test
    void aGatewayHasItsOwnSnapshotFollowingItsRoutesAndTheirTargets() throws Exception {
        ServedMesh served = mesh("blue");
        for (HasMetadata object : gateway("/color")) {
            served.admit(object);
        }
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50)));
        String blue = "cds_egress_m_blue_ns_http_8080";
        String green = "cds_egress_m_green_ns_http_8080";
        Snapshot first = snapshots.snapshot(GATEWAY);
        assertThat(first).as("the group the injected gateway Envoy announces").isNotNull();
        assertThat(first.listeners().resources()).containsOnlyKeys("lds_ingress_0.0.0.0_8088",
                "lds_egress_0.0.0.0_15001");
        assertThat(routesTo(first, blue)).isTrue();
        assertThat(first.endpoints().resources().get(blue).toString()).contains("10.0.0.2");
        assertThat(first.toString()).as("the gateway's pod is an endpoint of nothing").doesNotContain("10.0.0.9");

        // the target service's router changes: the gateway follows, as the sidecars do
        served.admit(router("green"));
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> routesTo(snapshots.snapshot(GATEWAY), green)
                && !snapshots.snapshot(GATEWAY).clusters().resources().containsKey(blue));

        // a node change that does not concern it leaves its snapshot as it was
        Snapshot settled = snapshots.snapshot(GATEWAY);
        VirtualNode front = served.get(VirtualNode.class, "ns", "front").orElseThrow();
        VirtualNode moved = YamlDocuments.YAML.convertValue(front, VirtualNode.class);
        moved.getSpec().getListeners().get(0).getPortMapping().setPort(9090L);
        served.admit(moved);
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> snapshots.snapshot(FRONT).listeners().toString().contains("9090"));
        assertThat(snapshots.snapshot(GATEWAY)).isSameAs(settled);

        // its route changes: a new first hop
        GatewayRoute route = (GatewayRoute) gateway("/colour").get(1);
        route.getMetadata().setGeneration(2L);
        served.admit(route);
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.snapshot(GATEWAY).routes().resources()
                .get("rds_ingress_http_8088").toString().contains("/colour"));

        // the route goes: the listener stays, with no route (404)
        served.remove("GatewayRoute", "ns", "to-color");
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.snapshot(GATEWAY).routes().resources()
                .get("rds_ingress_http_8088").getVirtualHosts(0).getRoutesCount() == 0);

        // the gateway goes: so does its snapshot
        served.remove("VirtualGateway", "ns", "gw");
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.snapshot(GATEWAY) == null);
        assertThat(snapshots.snapshot(FRONT)).isNotNull();
    }

    private static List<HasMetadata> gateway(String prefix) throws Exception {
        List<JsonNode> docs = YamlDocuments.parse(GATEWAY_MANIFESTS.formatted(prefix));
        VirtualGateway gateway = YamlDocuments.YAML.convertValue(docs.get(0), VirtualGateway.class);
        GatewayRoute route = YamlDocuments.YAML.convertValue(docs.get(1), GatewayRoute.class);
        route.getMetadata().setGeneration(1L);
        return List.of(gateway, route);
    }

    private long builds() {
        return registry.get("appmesh_xds_snapshot_build_seconds").timer().count();
    }

    @Test
    void aGroupTwoServedObjectsShareIsServedToNeither() throws Exception {
        ServedMesh served = mesh("blue");
        // Another namespace's node with front's awsName (seeded by a process that did not refuse it): one snapshot per
        // group would serve one object's configuration to the other's pods.
        served.admit(YamlDocuments.YAML.convertValue(YamlDocuments.parse("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: front, namespace: evil}
                spec:
                  meshRef: {name: m, uid: mesh-uid}
                  awsName: front_ns
                  podSelector: {matchLabels: {app: front}}
                  listeners: [{portMapping: {port: 9090, protocol: http}}]
                """).get(0), VirtualNode.class));
        XdsSnapshots snapshots = start(served, config(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200)));
        assertThat(snapshots.snapshot(FRONT)).isNull();
        assertThat(snapshots.groups()).contains("mesh/m/virtualNode/blue_ns");

        served.remove("VirtualNode", "evil", "front");
        snapshots.changed();
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.snapshot(FRONT) != null);
    }

    private XdsSnapshots start(ServedMesh served, XdsConfig config) {
        XdsSnapshots snapshots = new XdsSnapshots(served, node -> endpoints(node), config, new XdsMetrics(registry));
        builders.add(snapshots);
        snapshots.start();
        return snapshots;
    }

    private static boolean routesTo(Snapshot snapshot, String cluster) {
        for (RouteConfiguration routes : snapshot.routes().resources().values()) {
            if (routes.toString().contains("\"" + cluster + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static final List<Pod> PODS = List.of(Fixtures.readyPod("ns", "front-1", "front", "10.0.0.1", false),
            Fixtures.readyPod("ns", "blue-1", "blue", "10.0.0.2", false),
            Fixtures.readyPod("ns", "green-1", "green", "10.0.0.3", false),
            Fixtures.readyPod("ns", "gw-1", "gw", "10.0.0.9", false));

    private static List<Endpoint> endpoints(VirtualNode node) {
        return PodEndpoints.of(PODS.stream().filter(p -> LabelSelectors.matches(node.getSpec().getPodSelector(),
                Optional.ofNullable(p.getMetadata().getLabels()).orElse(Map.of()))).toList(), n -> Map.of());
    }

    private static ServedMesh mesh(String target) throws Exception {
        ServedMesh served = new ServedMesh();
        for (JsonNode doc : YamlDocuments.parse(MESH)) {
            Class<? extends HasMetadata> type = switch (doc.path("kind").asText()) {
                case "Mesh" -> Mesh.class;
                case "VirtualNode" -> VirtualNode.class;
                case "VirtualService" -> VirtualService.class;
                default -> throw new IllegalArgumentException(doc.path("kind").asText());
            };
            served.admit(YamlDocuments.YAML.convertValue(doc, type));
        }
        served.admit(router(target));
        return served;
    }

    private static VirtualRouter router(String target) throws Exception {
        VirtualRouter router = YamlDocuments.YAML.convertValue(YamlDocuments.parse(ROUTER.formatted(target)).get(0),
                VirtualRouter.class);
        router.getMetadata().setGeneration("blue".equals(target) ? 1L : 2L);
        router.getMetadata().setUid("router-uid");
        return router;
    }

    /** The real mapping with its defaults (so that a new key needs no change here), timings from the test. */
    private static XdsConfig config(Duration debounce, Duration max, Duration linger) {
        return OperatorConfigs.from(Map.of("appmesh.aws-region", "us-west-2", "appmesh.xds.port", "0",
                "appmesh.xds.bind-address", "127.0.0.1", "appmesh.xds.debounce", debounce.toMillis() + "ms",
                "appmesh.xds.debounce-max", max.toMillis() + "ms", "appmesh.xds.cluster-linger", linger.toMillis() + "ms"))
                .xds();
    }

    private static final String MESH = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: {name: m, uid: mesh-uid}
            spec: {awsName: m}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: front, namespace: ns}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: front_ns
              podSelector: {matchLabels: {app: front}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: front.ns.svc.cluster.local}}
              backends: [{virtualService: {virtualServiceRef: {name: color}}}]
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: blue, namespace: ns}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: blue_ns
              podSelector: {matchLabels: {app: blue}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: blue.ns.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualNode
            metadata: {name: green, namespace: ns}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: green_ns
              podSelector: {matchLabels: {app: green}}
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              serviceDiscovery: {dns: {hostname: green.ns.svc.cluster.local}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: color, namespace: ns}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: color.ns.svc.cluster.local
              provider: {virtualRouter: {virtualRouterRef: {name: color}}}
            """;

    private static final String GATEWAY_MANIFESTS = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualGateway
            metadata: {name: gw, namespace: ns, uid: gw-uid, generation: 1}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: gw_ns
              podSelector: {matchLabels: {app: gw}}
              listeners: [{portMapping: {port: 8088, protocol: http}}]
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: to-color, namespace: ns, uid: route-uid}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              virtualGatewayRef: {name: gw, namespace: ns, uid: gw-uid}
              awsName: to-color_ns
              httpRoute:
                match: {prefix: "%s"}
                action: {target: {virtualService: {virtualServiceRef: {name: color}}}}
            """;

    private static final String ROUTER = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualRouter
            metadata: {name: color, namespace: ns}
            spec:
              meshRef: {name: m, uid: mesh-uid}
              awsName: color_ns
              listeners: [{portMapping: {port: 8080, protocol: http}}]
              routes:
                - name: all
                  httpRoute:
                    match: {prefix: /}
                    action: {weightedTargets: [{virtualNodeRef: {name: %s}, weight: 1}]}
            """;
}
