package io.appmesh.operator.webhook.pod;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
import io.appmesh.operator.testing.MotoServer;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.YamlDocuments;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.zjsonpatch.JsonPatch;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With {@code appmesh.aws-account-id} unset, the injector tells a mesh of the operator's own account from a shared one
 * by the account STS names (moto's {@value #OWN_ACCOUNT}), as upstream's injector uses the account learned at start-up:
 * no {@code @owner} in the resource name envoy announces for the former.
 */
@QuarkusTest
@WithLocalKubeApi
@TestProfile(PodAdmissionAccountTest.StsAccount.class)
class PodAdmissionAccountTest {

    static final String OWN_ACCOUNT = "123456789012";

    public static class StsAccount implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoServer.class));
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClusterView view;

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @BeforeEach
    void cluster() {
        for (var owned : Map.of("own", OWN_ACCOUNT, "other", "444455556666").entrySet()) {
            String name = owned.getKey();
            if (client.namespaces().withName(name).get() != null) {
                continue;
            }
            client.resource(new NamespaceBuilder().withNewMetadata().withName(name)
                    .addToLabels(PodAnnotations.SIDECAR_INJECTOR_WEBHOOK, "enabled").endMetadata().build()).create();
            Mesh mesh = new Mesh();
            mesh.setMetadata(new ObjectMetaBuilder().withName(name).build());
            mesh.getSpec().setAwsName(name);
            mesh.getSpec().setMeshOwner(owned.getValue());
            mesh = client.resource(mesh).create();
            client.resource(Fixtures.virtualNode(name, "front", "front", mesh)).create();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> view.knows(client.namespaces().withName("own").get(),
                client.namespaces().withName("other").get(), client.resources(Mesh.class).withName("own").get(),
                client.resources(Mesh.class).withName("other").get(),
                client.resources(VirtualNode.class).inNamespace("own").withName("front").get(),
                client.resources(VirtualNode.class).inNamespace("other").withName("front").get()));
    }

    @Test
    void aMeshOfTheAccountStsNamesIsNotSuffixed() throws Exception {
        assertThat(resourceArn("own")).isEqualTo("mesh/own/virtualNode/front_own");
    }

    @Test
    void aMeshSharedFromAnotherAccountIsSuffixedWithItsOwner() throws Exception {
        assertThat(resourceArn("other")).isEqualTo("mesh/other@444455556666/virtualNode/front_other");
    }

    /** APPMESH_RESOURCE_ARN of the envoy the webhook adds to a pod of {@code namespace}. */
    private String resourceArn(String namespace) throws Exception {
        String yaml = Files.readString(Path.of("src/test/resources/SidecarInjectorTest/vn-basic/in-pod.yaml"));
        ObjectNode pod = (ObjectNode) YamlDocuments.parse(yaml).get(0);
        ((ObjectNode) pod.get("metadata")).put("namespace", namespace);
        ((ObjectNode) pod.at("/metadata/labels")).put("app", "front");
        ObjectNode review = mapper.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind",
                "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "7c4e-uid").put("operation", "CREATE")
                .put("namespace", namespace);
        request.putObject("kind").put("group", "").put("version", "v1").put("kind", "Pod");
        request.set("object", pod);
        String answer = given().baseUri(https.toString()).relaxedHTTPSValidation().contentType(ContentType.JSON)
                .body(review.toString().getBytes(StandardCharsets.UTF_8)).when().post("mutate-v1-pod").then()
                .statusCode(200).extract().asString();
        JsonNode response = mapper.readTree(answer).get("response");
        assertThat(response.path("allowed").asBoolean()).as(answer).isTrue();
        JsonNode injected = JsonPatch.apply(mapper.readTree(Base64.getDecoder().decode(response.path("patch").asText())),
                pod);
        for (JsonNode container : injected.at("/spec/containers")) {
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("APPMESH_RESOURCE_ARN")) {
                    return env.path("value").asText();
                }
            }
        }
        throw new AssertionError("no APPMESH_RESOURCE_ARN in " + injected);
    }
}
