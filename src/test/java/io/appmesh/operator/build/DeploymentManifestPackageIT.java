package io.appmesh.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The generated Deployment runs the native image as shipped ({@code make image}): that executable does not size its
 * heap from the cgroup limit, so the Deployment must pass {@code -Xmx} itself, below the memory limit with room for the
 * image heap and native memory; leader election is on, as in upstream's chart; the three probes point at the
 * management port; the Deployment and the OLM CSV name the image {@code make image} builds and run it locked down
 * (non-root, read-only root filesystem, no privilege escalation, no capabilities). Run by failsafe after
 * {@code package}, which writes target/kubernetes/kubernetes.yml and target/bundle.
 */
class DeploymentManifestPackageIT {

    @Test
    void theOperatorContainerHasAnExplicitHeapLeaderElectionAndProbes() throws IOException {
        JsonNode container = deployment().at("/spec/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        String xmx = args.stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElse(null);
        assertThat(xmx).as("args " + args).isNotNull();
        long heap = javaSize(xmx.substring(4));
        long limit = Quantity.getAmountInBytes(new Quantity(container.at("/resources/limits/memory").asText()))
                .longValue();
        long request = Quantity.getAmountInBytes(new Quantity(container.at("/resources/requests/memory").asText()))
                .longValue();
        assertThat(heap).isLessThanOrEqualTo(limit / 2);
        assertThat(request).isLessThanOrEqualTo(limit);
        // As upstream's chart: leader election on, so that replicas > 1 is safe.
        assertThat(container.path("env").findValuesAsText("name")).contains("APPMESH_ENABLE_LEADER_ELECTION");
        container.path("env").forEach(env -> {
            if (env.path("name").asText().equals("APPMESH_ENABLE_LEADER_ELECTION")) {
                assertThat(env.path("value").asText()).isEqualTo("true");
            }
        });
        for (var probe : List.of("livenessProbe:/q/health/live", "readinessProbe:/q/health/ready",
                "startupProbe:/q/health/started")) {
            String[] p = probe.split(":");
            assertThat(container.at("/" + p[0] + "/httpGet/path").asText()).isEqualTo(p[1]);
            assertThat(container.at("/" + p[0] + "/httpGet/port").asInt()).isEqualTo(8080);
        }
    }

    @Test
    void theDeploymentAndTheCsvRunTheBuiltImageLockedDown() throws IOException {
        // make test-native names the image it built; otherwise the name make image gives it
        String image = System.getProperty("appmesh.operator.image", "");
        if (image.isBlank()) {
            image = "docker.io/appmesh/appmesh-operator:" + System.getProperty("appmesh.project.version");
        }
        for (JsonNode podSpec : List.of(deployment().at("/spec/template/spec"), csvDeployment().at("/spec/template/spec"))) {
            JsonNode container = podSpec.at("/containers/0");
            assertThat(container.path("image").asText()).isEqualTo(image);
            assertThat(podSpec.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            // the image's user; numeric, so that the kubelet can check runAsNonRoot
            assertThat(podSpec.at("/securityContext/runAsUser").asLong()).isEqualTo(65532);
            // the webhook certificate Secret volume (mode 0600) becomes readable by that group
            assertThat(podSpec.at("/securityContext/fsGroup").asLong()).isEqualTo(65532);
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        }
        JsonNode mounts = deployment().at("/spec/template/spec/containers/0/volumeMounts");
        assertThat(mounts.findValuesAsText("mountPath")).contains("/tmp/k8s-webhook-server/serving-certs");
    }

    @Test
    void noObjectCarriesTheBuildMachinesRepositoryPath() throws IOException {
        // Quarkus would annotate app.quarkus.io/vcs-uri with the git remote, on a developer's machine a local path.
        for (JsonNode doc : documents()) {
            for (JsonNode annotations : List.of(doc.at("/metadata/annotations"),
                    doc.at("/spec/template/metadata/annotations"))) {
                annotations.fieldNames().forEachRemaining(name -> assertThat(name)
                        .as("%s %s", doc.path("kind").asText(), doc.at("/metadata/name").asText())
                        .doesNotStartWith("app.quarkus.io/vcs"));
            }
        }
    }

    /** A JVM/native-image size option value: 256m, 1g, 262144k. */
    private static long javaSize(String value) {
        char unit = Character.toLowerCase(value.charAt(value.length() - 1));
        int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    private static JsonNode csvDeployment() throws IOException {
        Path manifests = Path.of("target/bundle/appmesh-operator/manifests");
        try (var files = Files.list(manifests)) {
            Path csv = files.filter(f -> f.getFileName().toString().endsWith(".clusterserviceversion.yaml")).findFirst()
                    .orElseThrow(() -> new AssertionError("no ClusterServiceVersion in " + manifests));
            return new ObjectMapper(new YAMLFactory()).readTree(csv.toFile()).at("/spec/install/spec/deployments/0");
        }
    }

    private static JsonNode deployment() throws IOException {
        for (JsonNode doc : documents()) {
            if ("Deployment".equals(doc.path("kind").asText())) {
                return doc;
            }
        }
        throw new AssertionError("no Deployment in target/kubernetes/kubernetes.yml");
    }

    private static List<JsonNode> documents() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll();
        }
    }
}
