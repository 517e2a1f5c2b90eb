package io.appmesh.operator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Upstream's classification of a VirtualNode's pods into registry endpoints. */
class PodEndpointsTest {

    private static Pod pod(String name, String ip, boolean ready, String restartPolicy, String phase, String node) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withLabels(Map.of("app", "a"))
                .endMetadata().withNewSpec().withRestartPolicy(restartPolicy).withNodeName(node).endSpec()
                .withNewStatus().withPodIP(ip).withPhase(phase).addNewCondition().withType("ContainersReady")
                .withStatus(ready ? "True" : "False").endCondition().endStatus().build();
    }

    @Test
    void readyAndRecoverablePodsAreEndpointsFinishedDeletedAndAddresslessOnesAreNot() {
        Pod deleting = pod("deleting", "10.0.0.5", true, "Always", "Running", null);
        deleting.getMetadata().setDeletionTimestamp("2026-11-30T00:00:00Z");
        List<Pod> pods = List.of(pod("ready", "10.0.0.1", true, "Always", "Running", "n1"),
                pod("starting", "10.0.0.2", false, "Always", "Running", "n2"),
                pod("failed-never", "10.0.0.3", false, "Never", "Failed", null),
                pod("done-onfailure", "10.0.0.4", false, "OnFailure", "Succeeded", null), deleting,
                pod("no-ip", null, true, "Always", "Pending", null));
        Map<String, Map<String, String>> nodes = Map.of("n1",
                Map.of("topology.kubernetes.io/region", "us-west-2", "topology.kubernetes.io/zone", "us-west-2a"), "n2",
                Map.of("failure-domain.beta.kubernetes.io/region", "eu-west-1",
                        "failure-domain.beta.kubernetes.io/zone", "eu-west-1b"));

        List<Endpoint> endpoints = PodEndpoints.of(pods, name -> nodes.getOrDefault(name, Map.of()));

        assertThat(endpoints).containsExactly(
                new Endpoint("10.0.0.1", "ready", "ns", Map.of("app", "a"), true, "us-west-2", "us-west-2a"),
                new Endpoint("10.0.0.2", "starting", "ns", Map.of("app", "a"), false, "eu-west-1", "eu-west-1b"));
    }
}
