package io.appmesh.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Manifests;
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

    private MotoProcess moto;
    private AwsFront front;
    private LocalKubeApi api;
    private KubernetesClient client;
    private final List<LocalOperator> replicas = new ArrayList<>();

    @BeforeEach
    void cluster() throws Exception {
        moto = MotoProcess.start();
        front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
        api = LocalKubeApi.start();
        client = api.client();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    }

    @AfterEach
    void stop() {
        replicas.forEach(LocalOperator::close);
        client.close();
        api.close();
        front.close();
        moto.close();
    }

    /** A replica as the Deployment runs it, with the pod name as host name. */
    private LocalOperator replica(String pod) throws Exception {
        List<String> options = new ArrayList<>(front.operatorOptions());
        options.addAll(List.of("-Dappmesh.enable-leader-election=true", "-Dkubernetes.namespace=" + NAMESPACE,
                "-Xmx256m"));
        LocalOperator replica = LocalOperator.start(api, options, Map.of("HOSTNAME", pod),
                Path.of("target/" + pod + ".log"));
        replicas.add(replica);
        return replica;
    }

    private Lease lease() {
        return client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).get();
    }

    @Test
    void oneReplicaReconcilesAndTheOtherTakesOverWhenItDies() throws Exception {
        replica("appmesh-controller-a");
        replica("appmesh-controller-b");
        Lease lease = await().atMost(CONVERGED).until(this::lease,
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
        await().atMost(CONVERGED).until(() -> lease().getSpec().getHolderIdentity(),
                holder -> holder.startsWith(leader == 0 ? "appmesh-controller-b_" : "appmesh-controller-a_"));
        viaFollower.apply(mesh("second"));
        viaFollower.awaitActive(Mesh.class, null, "second", CONVERGED);
        assertThat(reconciles(following)).isPositive();

        // SIGTERM (a rollout): the leader stops promptly. (The SDK's exit-on-stop-leading would block the shutdown
        // forever here; the Lease is left to expire, as upstream does without ReleaseOnCancel.)
        following.process().destroy();
        assertThat(following.process().waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    }

    @Test
    void aLeaderThatLosesTheLeaseExits() throws Exception {
        LocalOperator replica = replica("appmesh-controller-c");
        await().atMost(CONVERGED).until(this::lease,
                l -> l != null && l.getSpec().getHolderIdentity().startsWith("appmesh-controller-c_"));
        // Someone else holds the Lease now (as after a partition in which it expired): the replica cannot renew,
        // stops leading and exits to come back as a follower, as upstream.
        client.leases().inNamespace(NAMESPACE).withName(LeaderElection.LEASE_NAME).edit(l -> {
            l.getSpec().setHolderIdentity("appmesh-controller-elsewhere_1");
            l.getSpec().setLeaseDurationSeconds(3600);
            l.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
            return l;
        });
        assertThat(replica.process().waitFor(60, TimeUnit.SECONDS)).as("exited after losing the Lease").isTrue();
        assertThat(replica.process().exitValue()).isEqualTo(1);
    }

    private static String mesh(String name) {
        return """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: %s}
                spec: {namespaceSelector: {matchLabels: {mesh: %<s}}}
                """.formatted(name);
    }

    /** Reconcile passes this replica ran, from its {@code controller_runtime_reconcile_total}. */
    private static double reconciles(LocalOperator replica) throws Exception {
        return replica.samples("controller_runtime_reconcile_total").stream().mapToDouble(LocalOperator.Sample::value)
                .sum();
    }
}
