package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.AppMeshApi;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsTestEnvironment;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatus;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/**
 * Cloud Map with {@code appmesh.enable-custom-health-check=true}, against moto: the service is created with a custom
 * health check (failure threshold 1); a pod that stops being ready stays registered and is reported UNHEALTHY, and
 * HEALTHY again when it recovers; the readiness gate follows Cloud Map's custom health status.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = AwsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "mode", value = "moto"),
        @ResourceArg(name = "appmesh.enable-custom-health-check", value = "true")})
class CustomHealthCheckIT extends ScenarioTest {

    private static final Duration CONVERGED = Duration.ofSeconds(60);
    private static final String GATE = AppMeshApi.CLOUDMAP_READINESS_CONDITION;

    @Test
    void instancesFollowPodReadinessThroughCustomHealthStatus() throws Exception {
        Manifests manifests = manifests();
        Aws aws = aws();
        try (ServiceDiscoveryClient cloudMap = aws.cloudMap()) {
            Aws.createHttpNamespace(cloudMap, "health.local");

            manifests.apply(Manifests.namespaceAndMesh("checked") + """
                    ---
                    apiVersion: appmesh.k8s.aws/v1beta2
                    kind: VirtualNode
                    metadata: {name: api, namespace: checked}
                    spec:
                      podSelector: {matchLabels: {app: api}}
                      listeners: [{portMapping: {port: 8080, protocol: http}}]
                      serviceDiscovery: {awsCloudMap: {namespaceName: health.local, serviceName: api}}
                    """);
            Fixtures.runReadyPod(client, "checked", "api-1", "api", "10.1.0.1", true);
            Fixtures.runReadyPod(client, "checked", "api-2", "api", "10.1.0.2", true);
            manifests.awaitActive(VirtualNode.class, "checked", "api", CONVERGED);
            await().atMost(CONVERGED).until(() -> health(cloudMap).equals(
                    Map.of("10.1.0.1", HealthStatus.HEALTHY, "10.1.0.2", HealthStatus.HEALTHY)));
            ServiceSummary service = Aws.cloudMapService(cloudMap, "api").orElseThrow();
            assertThat(cloudMap.getService(r -> r.id(service.id())).service().healthCheckCustomConfig()
                    .failureThreshold()).isEqualTo(1);

            // Not ready: still registered, reported UNHEALTHY; (without a custom check it would be deregistered).
            ready("api-2", false);
            await().atMost(CONVERGED).until(() -> health(cloudMap).equals(
                    Map.of("10.1.0.1", HealthStatus.HEALTHY, "10.1.0.2", HealthStatus.UNHEALTHY)));
            // A pod that is not ready is not probed for its readiness gate (it used to be, every 4 s, forever).
            long probes = probes(aws, "10.1.0.2");
            Thread.sleep(10_000);
            assertThat(probes(aws, "10.1.0.2")).isEqualTo(probes);
            ready("api-2", true);
            await().atMost(CONVERGED).until(() -> health(cloudMap).get("10.1.0.2") == HealthStatus.HEALTHY);

            // The gate opens on Cloud Map's custom health status once it has been stable for 20 s.
            await().atMost(CONVERGED).until(() -> "True".equals(gate("api-1")));

            manifests.deleteAndAwait(CONVERGED, manifests.get(VirtualNode.class, "checked", "api"));
            await().atMost(CONVERGED).until(() -> Aws.cloudMapService(cloudMap, "api").isEmpty());
        }
    }

    /** The operator's health probes of one instance so far. */
    private static long probes(Aws aws, String ip) {
        return aws.bodies("GetInstancesHealthStatus").stream()
                .filter(body -> body.path("Instances").toString().contains("\"" + ip + "\"")).count();
    }

    private void ready(String pod, boolean ready) {
        client.pods().inNamespace("checked").withName(pod).editStatus(p -> new PodBuilder(p).editStatus()
                .withConditions(new PodConditionBuilder().withType("ContainersReady")
                        .withStatus(ready ? "True" : "False").build())
                .endStatus().build());
    }

    private String gate(String pod) {
        return client.pods().inNamespace("checked").withName(pod).get().getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(GATE)).map(c -> c.getStatus()).findFirst().orElse(null);
    }

    private static Map<String, HealthStatus> health(ServiceDiscoveryClient cloudMap) {
        return Aws.cloudMapService(cloudMap, "api")
                .map(s -> cloudMap.getInstancesHealthStatus(r -> r.serviceId(s.id())).status()).orElse(Map.of());
    }
}
