package io.appmesh.operator.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class BundleCompleterTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CSV = """
            apiVersion: operators.coreos.com/v1alpha1
            kind: ClusterServiceVersion
            metadata:
              name: appmesh-operator.v0.1.0
            spec:
              customresourcedefinitions:
                owned:
                - {kind: Mesh, name: meshes.appmesh.k8s.aws, version: v1beta2}
              install:
                spec:
                  deployments:
                  - name: appmesh-operator
                    spec:
                      template:
                        spec:
                          containers:
                          - name: appmesh-operator
                            volumeMounts:
                            - {name: webhook-cert, mountPath: /tmp/k8s-webhook-server/serving-certs}
                            - {name: scratch, mountPath: /scratch}
                          volumes:
                          - {name: webhook-cert, secret: {secretName: appmesh-operator-webhook-server-cert}}
                          - {name: scratch, emptyDir: {}}
            """;

    @Test
    void ownsEveryCrdDeclaresEveryWebhookAndLeavesCertificatesToOlm(@TempDir Path target) throws IOException {
        Path bundle = givenBundle(target);
        givenGeneratedManifests(target.resolve("kubernetes"), 7);

        BundleCompleter.Summary summary = BundleCompleter.complete(bundle, target.resolve("kubernetes"));

        assertThat(summary).isEqualTo(new BundleCompleter.Summary(7, 15));
        JsonNode csv = YAML.readTree(bundle.resolve("manifests/csv.clusterserviceversion.yaml").toFile());
        List<String> owned = new ArrayList<>();
        csv.at("/spec/customresourcedefinitions/owned").forEach(o -> owned.add(o.path("kind").asText()));
        assertThat(owned).containsExactlyInAnyOrder("Mesh", "BackendGroup", "GatewayRoute", "VirtualGateway",
                "VirtualNode", "VirtualRouter", "VirtualService");
        try (Stream<Path> files = Files.list(bundle.resolve("manifests"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".crd.yml")).count()).isEqualTo(7);
        }
        JsonNode webhooks = csv.at("/spec/webhookdefinitions");
        JsonNode pods = webhooks.get(0);
        assertThat(pods.path("webhookPath").asText()).isEqualTo("/mutate-v1-pod");
        // Pods of namespaces without the label are never sent to the injector.
        assertThat(pods.at("/namespaceSelector/matchExpressions/0/key").asText())
                .isEqualTo("appmesh.k8s.aws/sidecarInjectorWebhook");
        assertThat(pods.at("/namespaceSelector/matchExpressions/0/operator").asText()).isEqualTo("In");
        assertThat(pods.at("/namespaceSelector/matchExpressions/0/values").toString()).isEqualTo("[\"enabled\",\"disabled\"]");
        assertThat(pods.at("/rules/0/operations").toString()).isEqualTo("[\"CREATE\"]");
        assertThat(pods.at("/rules/0/resources/0").asText()).isEqualTo("pods");
        JsonNode first = webhooks.get(1);
        assertThat(first.path("type").asText()).isEqualTo("MutatingAdmissionWebhook");
        assertThat(first.path("generateName").asText()).isEqualTo("mmesh.appmesh.k8s.aws");
        assertThat(first.path("webhookPath").asText()).isEqualTo("/mutate-appmesh-k8s-aws-v1beta2-mesh");
        assertThat(first.path("deploymentName").asText()).isEqualTo("appmesh-operator");
        assertThat(first.path("targetPort").asInt()).isEqualTo(9443);
        assertThat(first.path("failurePolicy").asText()).isEqualTo("Fail");
        assertThat(first.path("sideEffects").asText()).isEqualTo("None");
        assertThat(first.at("/admissionReviewVersions/0").asText()).isEqualTo("v1");
        assertThat(webhooks.get(14).path("webhookPath").asText()).isEqualTo("/validate-appmesh-k8s-aws-v1beta2-backendgroup");
        JsonNode pod = csv.at("/spec/install/spec/deployments/0/spec/template/spec");
        assertThat(pod.path("volumes").toString()).doesNotContain("webhook-cert").contains("scratch");
        assertThat(pod.at("/containers/0/volumeMounts").toString()).doesNotContain("webhook-cert").contains("scratch");
    }

    @Test
    void failsTheBuildWhenACrdIsMissing(@TempDir Path target) throws IOException {
        Path bundle = givenBundle(target);
        givenGeneratedManifests(target.resolve("kubernetes"), 6);

        assertThatThrownBy(() -> BundleCompleter.complete(bundle, target.resolve("kubernetes")))
                .hasMessage("incomplete bundle: 6 CRDs (want 7), 15 webhooks (want 15)");
    }

    private static Path givenBundle(Path target) throws IOException {
        Path bundle = target.resolve("bundle/appmesh-operator");
        Files.createDirectories(bundle.resolve("manifests"));
        Files.writeString(bundle.resolve("manifests/csv.clusterserviceversion.yaml"), CSV);
        return bundle;
    }

    /** The upstream CRDs stand in for the generated ones; the webhooks are the ones Quarkus merges into kubernetes.yml. */
    private static void givenGeneratedManifests(Path kubernetes, int crds) throws IOException {
        Files.createDirectories(kubernetes);
        try (Stream<Path> upstream = Files.list(Path.of("src/test/resources/upstream-crds"))) {
            for (Path crd : upstream.sorted().limit(crds).toList()) {
                String plural = YAML.readTree(crd.toFile()).at("/spec/names/plural").asText();
                Files.copy(crd, kubernetes.resolve(plural + ".appmesh.k8s.aws-v1.yml"));
            }
        }
        Files.copy(Path.of("src/main/kubernetes/kubernetes.yml"), kubernetes.resolve("kubernetes.yml"));
    }
}
