package io.appmesh.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.aws.AppMeshEmulator;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Two replicas of the packaged operator with {@code appmesh.enable-leader-election=true} on one cluster: one holds the
 * Lease and reconciles, the other reconciles nothing; both serve the webhooks. When the leader dies without releasing
 * the Lease, the other takes over once it expires and reconciles; stopped with SIGTERM, a leader exits promptly; a
 * leader that loses the Lease to another holder exits with status 1.
 */
class LeaderElectionProcessIT {

    private static final Duration CONVERGED = Duration.ofSeconds(90);
    private static final String NAMESPACE = "appmesh-system";

    @Test
    void oneReplicaReconcilesAndTheOtherTakesOverWhenItDies() throws Exception {
        try (MotoProcess moto = MotoProcess.start();
                AwsFront front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
                LocalKubeApi api = LocalKubeApi.start();
                KubernetesClient client = api.client()) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                    .create();
            List<LocalOperator> replicas = new ArrayList<>();
            try {
                for (String pod : List.of("appmesh-controller-a", "appmesh-controller-b")) {
                    replicas.add(LocalOperator.start(api, options(front), Map.of("HOSTNAME", pod),
                            Path.of("target/" + pod + ".log")));
                }
                Lease lease = await().atMost(CONVERGED).until(
                        () -> client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).get(),
                        l -> l != null && l.getSpec().getHolderIdentity() != null);
                int leader = lease.getSpec().getHolderIdentity().startsWith("appmesh-controller-a_") ? 0 : 1;
                LocalOperator leading = replicas.get(leader);
                LocalOperator following = replicas.get(1 - leader);

                // The follower's webhooks admit; only the leader reconciles.
                Manifests viaFollower = new Manifests(client, following.webhooks());
                viaFollower.apply(mesh("first"));
                viaFollower.awaitActive(Mesh.class, null, "first", CONVERGED);
                assertThat(reconciles(leading)).isPositive();
                assertThat(reconciles(following)).isZero();

                // The leader dies holding the Lease: the follower takes over once it expires.
                leading.kill();
                await().atMost(CONVERGED).until(
                        () -> client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).get()
                                .getSpec().getHolderIdentity(),
                        holder -> holder.startsWith(leader == 0 ? "appmesh-controller-b_" : "appmesh-controller-a_"));
                viaFollower.apply(mesh("second"));
                viaFollower.awaitActive(Mesh.class, null, "second", CONVERGED);
                assertThat(reconciles(following)).isPositive();

                // SIGTERM (a rollout): the leader stops promptly. (The SDK's exit-on-stop-leading would block the
                // shutdown forever here; the Lease is left to expire, as upstream does without ReleaseOnCancel.)
                following.process().destroy();
                assertThat(following.process().waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            } finally {
                replicas.forEach(LocalOperator::close);
            }
        }
    }

    @Test
    void aLeaderThatLosesTheLeaseExits() throws Exception {
        try (MotoProcess moto = MotoProcess.start();
                AwsFront front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
                LocalKubeApi api = LocalKubeApi.start();
                KubernetesClient client = api.client()) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                    .create();
            try (LocalOperator replica = LocalOperator.start(api, options(front),
                    Map.of("HOSTNAME", "appmesh-controller-c"), Path.of("target/appmesh-controller-c.log"))) {
                await().atMost(CONVERGED).until(
                        () -> client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).get(),
                        l -> l != null && l.getSpec().getHolderIdentity().startsWith("appmesh-controller-c_"));
                // Someone else holds the Lease now (as after a partition in which it expired): the replica cannot
                // renew, stops leading after the renew deadline and exits to come back as a follower, as upstream.
                client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).edit(l -> {
                    l.getSpec().setHolderIdentity("appmesh-controller-elsewhere_1");
                    l.getSpec().setLeaseDurationSeconds(3600);
                    l.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
                    return l;
                });
                assertThat(replica.process().waitFor(60, TimeUnit.SECONDS)).as("exited after losing the Lease")
                        .isTrue();
                assertThat(replica.process().exitValue()).isEqualTo(1);
            }
        }
    }

    private static String mesh(String name) {
        return """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: %s}
                spec: {namespaceSelector: {matchLabels: {mesh: %<s}}}
                """.formatted(name);
    }

    private static List<String> options(AwsFront front) {
        return List.of("-Dappmesh.enable-leader-election=true", "-Dkubernetes.namespace=" + NAMESPACE,
                "-Dappmesh.aws-endpoint-override=" + front.endpoint(), "-Dappmesh.aws-region=" + AppMeshEmulator.REGION,
                "-Daws.accessKeyId=testing", "-Daws.secretAccessKey=testing", "-Xmx256m");
    }

    private static final Pattern RECONCILES = Pattern.compile(
            "^controller_runtime_reconcile_total\\{[^}]*\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Reconcile passes this replica ran, from its {@code controller_runtime_reconcile_total}. */
    private static double reconciles(LocalOperator replica) throws Exception {
        String metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(replica.management().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        Matcher m = RECONCILES.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
