package io.appmesh.operator.webhook.pod;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.mesh.ClusterView;
import io.appmesh.operator.testing.Fixtures;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.zjsonpatch.JsonPatch;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code /mutate-v1-pod} over HTTPS: a full AdmissionReview round trip whose patch, applied to the pod as sent, gives
 * the injected pod; refusals and bad reviews; operations other than CREATE; the webhook metrics.
 */
@QuarkusTest
@WithLocalKubeApi
class PodAdmissionTest {

    @Inject
    KubernetesClient client;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ClusterView view;

    @BeforeEach
    void cluster() {
        namespace("shop", "enabled");
        namespace("quiet", "disabled");
        if (client.resources(Mesh.class).withName("global").get() == null) {
            Mesh mesh = new Mesh();
            mesh.setMetadata(new ObjectMetaBuilder().withName("global").build());
            mesh.getSpec().setAwsName("global");
            mesh = client.resource(mesh).create();
            for (String ns : List.of("shop", "quiet")) {
                VirtualNode node = Fixtures.virtualNode(ns, "front", "front", mesh);
                client.resource(node).create();
            }
        }
        // The webhook reads through informers: let them see the fixtures first.
        await().atMost(Duration.ofSeconds(30)).until(() -> view.knows(client.namespaces().withName("shop").get(),
                client.namespaces().withName("quiet").get(), client.resources(Mesh.class).withName("global").get(),
                client.resources(VirtualNode.class).inNamespace("shop").withName("front").get()));
    }

    @Test
    void injectsThroughAFullRoundTrip() throws Exception {
        JsonNode pod = pod("shop", "front");

        JsonNode response = post(review("CREATE", pod));

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
        JsonNode patch = mapper.readTree(Base64.getDecoder().decode(response.path("patch").asText()));
        JsonNode injected = JsonPatch.apply(patch, pod);
        JsonNode golden = YamlDocuments.read(Path.of("src/test/resources/SidecarInjectorTest/vn-basic/out-pod.yaml")).get(0);
        assertThat(withoutEnvironmentFacts(injected)).isEqualTo(withoutEnvironmentFacts(golden));
        assertThat(injected.at("/spec/containers/1/name").asText()).isEqualTo("envoy");
        assertThat(injected.at("/spec/initContainers/0/name").asText()).isEqualTo("proxyinit");
    }

    @Test
    void namespaceThatOptedOutIsNotMutated() throws Exception {
        JsonNode response = post(review("CREATE", pod("quiet", "front")));

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.has("patch")).isFalse();
    }

    @Test
    void updatesPassUnchanged() throws Exception {
        JsonNode response = post(review("UPDATE", pod("shop", "front")));

        assertThat(response.path("allowed").asBoolean()).isTrue();
        assertThat(response.has("patch")).isFalse();
    }

    @Test
    void enabledWithoutMatchIsRefusedWithUpstreamsMessage() throws Exception {
        JsonNode response = post(review("CREATE", pod("shop", "nothing")));

        assertThat(response.path("allowed").asBoolean()).isFalse();
        assertThat(response.at("/status/code").asInt()).isEqualTo(403);
        assertThat(response.at("/status/message").asText())
                .isEqualTo("sidecarInject enabled but no matching VirtualNode or VirtualGateway found");
    }

    @Test
    void unknownNamespaceIsRefused() throws Exception {
        JsonNode response = post(review("CREATE", pod("ghost", "front")));

        assertThat(response.at("/status/code").asInt()).isEqualTo(403);
        assertThat(response.at("/status/message").asText())
                .isEqualTo("failed to determine sidecarInject mode: namespaces \"ghost\" not found");
    }

    @Test
    void malformedReviewsAnswer400() throws Exception {
        assertThat(post("{\"kind\": \"AdmissionReview\", ").at("/status/code").asInt()).isEqualTo(400);
        assertThat(post("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}").at("/status/message")
                .asText()).isEqualTo("unable to decode AdmissionReview: request is missing");
        ObjectNode noObject = (ObjectNode) mapper.readTree(review("CREATE", pod("shop", "front")));
        ((ObjectNode) noObject.get("request")).remove("object");
        assertThat(post(noObject.toString()).at("/status/message").asText()).isEqualTo("there is no content to decode");
        ObjectNode badPod = (ObjectNode) mapper.readTree(review("CREATE", pod("shop", "front")));
        ((ObjectNode) badPod.at("/request/object/spec")).put("containers", "none");
        JsonNode answer = post(badPod.toString());
        assertThat(answer.at("/status/code").asInt()).isEqualTo(400);
        assertThat(answer.at("/status/message").asText()).startsWith("unable to decode Pod: ");
    }

    @Test
    void admissionsAreCountedUnderUpstreamsMetricNames() throws Exception {
        post(review("CREATE", pod("shop", "front")));

        given().baseUri("http://" + management.getHost()).port(management.getPort()).when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("controller_runtime_webhook_requests_total{code=\"200\",webhook=\"/mutate-v1-pod\"}"))
                .body(containsString("controller_runtime_webhook_latency_seconds_bucket{webhook=\"/mutate-v1-pod\""));
    }

    private void namespace(String name, String injection) {
        if (client.namespaces().withName(name).get() == null) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
                    .addToLabels(PodAnnotations.SIDECAR_INJECTOR_WEBHOOK, injection).endMetadata().build()).create();
        }
    }

    private JsonNode pod(String namespace, String app) throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/SidecarInjectorTest/vn-basic/in-pod.yaml"));
        ObjectNode pod = (ObjectNode) YamlDocuments.parse(yaml).get(0);
        ((ObjectNode) pod.get("metadata")).put("namespace", namespace);
        ((ObjectNode) pod.at("/metadata/labels")).put("app", app);
        return pod;
    }

    private String review(String operation, JsonNode pod) {
        ObjectNode review = mapper.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "3b1f2d5c-uid").put("operation", operation)
                .put("namespace", pod.at("/metadata/namespace").asText());
        request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
        request.set("object", pod);
        return review.toString();
    }

    private JsonNode post(String body) throws Exception {
        String answer = given().baseUri(https.toString()).relaxedHTTPSValidation().contentType(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("mutate-v1-pod").then().statusCode(200)
                .extract().asString();
        return mapper.readTree(answer).get("response");
    }

    /** The golden file was made with a fixed region and Kubernetes version; the test server has its own. */
    private static JsonNode withoutEnvironmentFacts(JsonNode pod) {
        JsonNode copy = pod.deepCopy();
        for (JsonNode container : copy.at("/spec/containers")) {
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                if (name.equals("APPMESH_PLATFORM_K8S_VERSION") || name.equals("AWS_REGION")
                        || name.equals("APPMESH_PLATFORM_APP_MESH_CONTROLLER_VERSION")) {
                    ((ObjectNode) env).put("value", "<environment>");
                }
            }
        }
        return copy;
    }
}
