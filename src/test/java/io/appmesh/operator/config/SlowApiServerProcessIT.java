package io.appmesh.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The packaged operator started while its API server answers nothing but 503 (starting, overloaded): it must not end
 * itself. It stays alive and not ready, retries, becomes ready once the API server answers, and reconciles. (Before
 * the fix, the SDK's failed first list ended the process.)
 */
class SlowApiServerProcessIT {

    private static final Duration UNAVAILABLE = Duration.ofSeconds(20);

    @Test
    void anUnavailableApiServerAtStartIsRetriedNotFatal() throws Exception {
        try (MotoProcess moto = MotoProcess.start();
                AwsFront front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
                LocalKubeApi api = LocalKubeApi.start();
                KubernetesClient client = api.client()) {
            List<String> options = new ArrayList<>(front.operatorOptions());
            options.add("-Xmx256m");
            // The client's own retries (10, over about 100 s) would hide a 20 s outage; without them each failed request
            // surfaces at once, as after a longer outage on a real cluster.
            options.add("-Dquarkus.kubernetes-client.request-retry-backoff-limit=0");
            options.add("-Dkubernetes.request.retry.backoffLimit=0");
            api.unavailable(true);
            try (LocalOperator operator = LocalOperator.launch(api, options, Map.of(),
                    Path.of("target/slow-api-server.log"))) {
                Instant until = Instant.now().plus(UNAVAILABLE);
                while (Instant.now().isBefore(until)) {
                    assertThat(operator.process().isAlive()).as("the operator is still running").isTrue();
                    assertThat(operator.ready()).as("not ready while the API server is unavailable").isFalse();
                    Thread.sleep(500);
                }
                api.unavailable(false);
                operator.awaitReady(Duration.ofSeconds(120));

                Manifests manifests = new Manifests(client, operator.webhooks());
                manifests.apply("""
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: Mesh
                        metadata: {name: late}
                        spec: {namespaceSelector: {matchLabels: {mesh: late}}}
                        """);
                Mesh mesh = manifests.awaitActive(Mesh.class, null, "late", Duration.ofSeconds(60));
                assertThat(mesh.getStatus().getMeshARN()).endsWith(":mesh/late");
            }
        }
    }
}
