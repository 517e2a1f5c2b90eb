package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/**
 * Cloud Map registration against moto's Cloud Map: a VirtualNode with {@code awsCloudMap} discovery gets its service
 * (created with the node's UID as creator request id), one instance per ready pod with upstream's attributes, the
 * {@code cloudMapServiceARN} annotation and the pods' readiness-gate condition; a deleted pod is deregistered; deleting
 * the node deregisters everything and deletes the service it created.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "moto")})
class CloudMapIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);

    @Test
    void podsAreRegisteredGatedAndDeregistered() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            Aws.createHttpNamespace(cloudMap, "apps.local");
        }
        manifests.apply(Manifests.namespaceAndMesh("mapped") + """
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: colors, namespace: mapped}
                spec:
                  podSelector: {matchLabels: {app: colors}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery:
                    awsCloudMap:
                      namespaceName: apps.local
                      serviceName: colors
                      attributes: [{key: version, value: v1}]
                """);
        for (int i = 1; i <= 2; i++) {
            Fixtures.runReadyPod(client, "mapped", "colors-" + i, "colors", "10.0.0." + i, true);
        }
        VirtualNode node = manifests.awaitActive(VirtualNode.class, "mapped", "colors", CONVERGED);

        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            await().atMost(CONVERGED).until(() -> instances(cloudMap).size() == 2);
            ServiceSummary service = service(cloudMap);
            assertThat(cloudMap.getService(r -> r.id(service.id())).service().creatorRequestId())
                    .isEqualTo(node.getMetadata().getUid());
            InstanceSummary first = instances(cloudMap).stream().filter(i -> i.id().equals("10.0.0.1")).findFirst()
                    .orElseThrow();
            assertThat(first.attributes()).containsAllEntriesOf(Map.of("AWS_INSTANCE_IPV4", "10.0.0.1",
                    "AWS_INSTANCE_PORT", "8080", "AWS_INIT_HEALTH_STATUS", "HEALTHY", "app", "colors", "version", "v1",
                    "k8s.io/pod", "colors-1", "k8s.io/namespace", "mapped", "appmesh.k8s.aws/mesh", "mapped",
                    "appmesh.k8s.aws/virtualNode", "colors_mapped"));
            await().atMost(CONVERGED).untilAsserted(() -> {
                VirtualNode current = manifests.get(VirtualNode.class, "mapped", "colors");
                assertThat(current.getMetadata().getAnnotations()).containsEntry("cloudMapServiceARN", service.arn());
                assertThat(current.getMetadata().getFinalizers()).contains(AppMeshApi.CLOUDMAP_RESOURCES_FINALIZER);
            });

            // Cloud Map reports the instance; after 20 s of stable health the pod's readiness gate opens.
            await().atMost(CONVERGED).until(() -> "True".equals(gate(client.pods().inNamespace("mapped")
                    .withName("colors-1").get())));

            client.pods().inNamespace("mapped").withName("colors-2").delete();
            await().atMost(CONVERGED).until(() -> instances(cloudMap).stream().map(InstanceSummary::id).toList()
                    .equals(List.of("10.0.0.1")));

            manifests.deleteAndAwait(CONVERGED, node);
            await().atMost(CONVERGED).until(() -> Aws.cloudMapService(cloudMap, "colors").isEmpty());
        }
    }

    /**
     * Pods already running when their VirtualNode is created, and pods a changed selector picks up, are registered
     * without waiting for a pod event; every registration of a pod carries a fresh request id (Cloud Map treats a
     * repeated one as the same request).
     */
    @Test
    void runningPodsAreRegisteredWhenANodeSelectsThem() {
        Manifests manifests = manifests();
        Aws aws = aws();
        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            Aws.createHttpNamespace(cloudMap, "early.local");
        }
        manifests.apply(Manifests.namespaceAndMesh("early"));
        manifests.awaitActive(Mesh.class, null, "early", CONVERGED);
        Fixtures.runReadyPod(client, "early", "blue-1", "blue", "10.3.0.1", true);
        Fixtures.runReadyPod(client, "early", "green-1", "green", "10.3.0.2", true);

        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: early, namespace: early}
                spec:
                  podSelector: {matchLabels: {app: blue}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {awsCloudMap: {namespaceName: early.local, serviceName: early}}
                """);
        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            await().atMost(CONVERGED).until(() -> ids(cloudMap, "early").equals(List.of("10.3.0.1")));

            // The selector changes to pods that are already running: they are registered at once.
            VirtualNode node = manifests.get(VirtualNode.class, "early", "early");
            node.getSpec().getPodSelector().setMatchLabels(Map.of("app", "green"));
            client.resource(node).update();
            await().atMost(CONVERGED).until(() -> ids(cloudMap, "early").equals(List.of("10.3.0.2")));

            // Back to blue: blue-1 is registered again, with a request id of its own.
            node = manifests.get(VirtualNode.class, "early", "early");
            node.getSpec().getPodSelector().setMatchLabels(Map.of("app", "blue"));
            client.resource(node).update();
            await().atMost(CONVERGED).until(() -> ids(cloudMap, "early").equals(List.of("10.3.0.1")));
            List<String> requestIds = aws.bodies("RegisterInstance").stream()
                    .filter(body -> body.path("InstanceId").asText().equals("10.3.0.1"))
                    .map(body -> body.path("CreatorRequestId").asText()).toList();
            assertThat(requestIds).hasSize(2).doesNotHaveDuplicates();
        }
    }

    private static List<String> ids(ServiceDiscoveryClient cloudMap, String service) {
        return Aws.cloudMapService(cloudMap, service)
                .map(s -> cloudMap.listInstances(r -> r.serviceId(s.id())).instances().stream()
                        .map(InstanceSummary::id).sorted().toList())
                .orElse(List.of());
    }

    private static String gate(Pod pod) {
        return pod.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(AppMeshApi.CLOUDMAP_READINESS_CONDITION))
                .map(c -> c.getStatus()).findFirst().orElse(null);
    }

    private static ServiceSummary service(ServiceDiscoveryClient cloudMap) {
        return Aws.cloudMapService(cloudMap, "colors").orElseThrow();
    }

    private static List<InstanceSummary> instances(ServiceDiscoveryClient cloudMap) {
        return Aws.cloudMapService(cloudMap, "colors")
                .map(s -> cloudMap.listInstances(r -> r.serviceId(s.id())).instances()).orElse(List.of());
    }
}
