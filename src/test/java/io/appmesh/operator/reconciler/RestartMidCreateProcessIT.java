package io.appmesh.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.sandbox.LocalKubeApi;
import io.appmesh.operator.sandbox.LocalOperator;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.aws.Aws;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.client.KubernetesClient;

import software.amazon.awssdk.services.appmesh.AppMeshClient;

/**
 * The packaged operator is killed (SIGKILL) while its CreateVirtualNode is in flight: moto has carried the create out,
 * the answer never arrives, the status was never written. A new operator process on the same cluster converges on the
 * object that exists: one App Mesh virtual node, its ARN in status, no second create.
 */
class RestartMidCreateProcessIT {

    private static final Duration CONVERGED = Duration.ofSeconds(90);

    @Test
    void aRestartInTheMiddleOfACreateCreatesNoDuplicate() throws Exception {
        try (MotoProcess moto = MotoProcess.start();
                AwsFront front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
                LocalKubeApi api = LocalKubeApi.start();
                KubernetesClient client = api.client()) {
            Aws aws = new Aws(front.endpoint());
            List<String> options = options(front);
            LocalOperator first = LocalOperator.start(api, options, Map.of(), Path.of("target/restart-first.log"));
            try {
                Manifests manifests = new Manifests(client, first.webhooks());
                manifests.apply(Manifests.namespaceAndMesh("restart"));
                manifests.awaitActive(Mesh.class, null, "restart", CONVERGED);
                aws.hold("CreateVirtualNode");
                manifests.apply("""
                        apiVersion: appmesh.k8s.aws/v1beta2
                        kind: VirtualNode
                        metadata: {name: node, namespace: restart}
                        spec:
                          podSelector: {matchLabels: {app: node}}
                          listeners: [{portMapping: {port: 8080, protocol: http}}]
                          serviceDiscovery: {dns: {hostname: node.restart.svc.cluster.local}}
                        """);
                // Carried out by moto, answer withheld: now the operator dies.
                await().atMost(CONVERGED).until(() -> aws.calls().contains("CreateVirtualNode"));
                first.kill();
            } finally {
                first.close();
                aws.release();
            }
            VirtualNode before = client.resources(VirtualNode.class).inNamespace("restart").withName("node").get();
            assertThat(before.getStatus() == null ? null : before.getStatus().getVirtualNodeARN()).isNull();
            int mark = aws.calls().size();

            try (LocalOperator second = LocalOperator.start(api, options, Map.of(),
                    Path.of("target/restart-second.log"))) {
                VirtualNode node = new Manifests(client, second.webhooks()).awaitActive(VirtualNode.class, "restart",
                        "node", CONVERGED);
                try (AppMeshClient appMesh = aws.appMesh()) {
                    assertThat(appMesh.listVirtualNodes(r -> r.meshName("restart")).virtualNodes()).singleElement()
                            .satisfies(n -> {
                                assertThat(n.virtualNodeName()).isEqualTo("node_restart");
                                assertThat(n.arn()).isEqualTo(node.getStatus().getVirtualNodeARN());
                            });
                }
                assertThat(aws.callsSince(mark)).contains("DescribeVirtualNode").doesNotContain("CreateVirtualNode");
                assertThat(aws.calls()).filteredOn("CreateVirtualNode"::equals).hasSize(1);
            }
        }
    }

    private static List<String> options(AwsFront front) {
        List<String> options = new ArrayList<>(front.operatorOptions());
        options.add("-Xmx256m");
        return options;
    }
}
