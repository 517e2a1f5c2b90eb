package io.appmesh.operator.webhook.crd;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.ClusterView;
import io.appmesh.operator.testing.CaseFolders;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;

/**
 * Golden-file admission tests through the HTTPS endpoint. Each folder under {@link #cases()} is one case:
 * {@code in-path.txt} (the webhook path), {@code in-review.json} (the request body as the API server sends it) and
 * {@code out-response.json} (the expected {@code response}, with the JSON patch decoded). The cluster the designation
 * rules read is {@code cluster.yaml} beside the case folders. A file the runner does not read fails the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoldenAdmissionTest {

    /** The folder of case folders, with the cluster.yaml they share. */
    abstract Path cases();
    private static final Set<String> CASE_FILES = Set.of("in-path.txt", "in-review.json", "out-response.json");

    @Inject
    KubernetesClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClusterView view;

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    /**
     * The test server assigns its own UIDs: fixtures and golden files use the ones written in cluster.yaml, translated
     * to the server's in requests and back in responses.
     */
    private final Map<String, String> serverUids = new LinkedHashMap<>();

    @BeforeAll
    void createCluster() throws IOException {
        try (InputStream in = Files.newInputStream(cases().resolve("cluster.yaml"))) {
            List<HasMetadata> objects = client.load(in).items();
            for (HasMetadata object : objects) {
                String fixtureUid = object.getMetadata().getUid();
                HasMetadata created = client.resource(typed(withServerUids(object))).create();
                if (fixtureUid != null) {
                    serverUids.put(fixtureUid, created.getMetadata().getUid());
                }
            }
            // A mesh being deleted: it keeps a finalizer, so deleting it only marks it.
            List<String> deleted = new ArrayList<>();
            for (HasMetadata object : objects) {
                if ("true".equals(annotation(object, "test/delete"))) {
                    client.resource(typed(object)).delete();
                    deleted.add(object.getMetadata().getName());
                }
            }
            // The webhooks read the cluster through informers: let them see every fixture first.
            HasMetadata[] all = objects.stream().map(this::typed).toArray(HasMetadata[]::new);
            await().atMost(Duration.ofSeconds(30)).until(() -> view.knows(all) && deleted.stream()
                    .allMatch(name -> view.mesh(name).map(m -> m.getMetadata().getDeletionTimestamp() != null).orElse(false)));
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        return CaseFolders.each(cases(), this::run);
    }

    private void run(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("files of %s", dir).allMatch(CASE_FILES::contains);
        }
        String path = Files.readString(dir.resolve("in-path.txt")).trim();
        String body = translate(Files.readString(dir.resolve("in-review.json")), false);
        JsonNode expected = mapper.readTree(dir.resolve("out-response.json").toFile());

        String answer = given().baseUri(https.toString()).relaxedHTTPSValidation().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();

        JsonNode review = mapper.readTree(answer);
        assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
        ObjectNode response = (ObjectNode) review.get("response");
        if (response.has("patch")) {
            assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
            byte[] patch = Base64.getDecoder().decode(response.get("patch").asText());
            response.set("patch", mapper.readTree(new String(patch, StandardCharsets.UTF_8)));
            response.remove("patchType");
        }
        assertThat(translate(response.toPrettyString(), true)).isEqualTo(expected.toPrettyString());
    }

    private HasMetadata withServerUids(HasMetadata object) {
        String json = translate(client.getKubernetesSerialization().asJson(object), false);
        return client.getKubernetesSerialization().unmarshal(json, object.getClass());
    }

    private String translate(String text, boolean toFixture) {
        String result = text;
        for (Map.Entry<String, String> e : serverUids.entrySet()) {
            result = toFixture ? result.replace(e.getValue(), e.getKey()) : result.replace(e.getKey(), e.getValue());
        }
        return result;
    }

    /** The test server knows the App Mesh kinds only by their classes. */
    private HasMetadata typed(HasMetadata object) {
        Class<? extends HasMetadata> type = switch (object.getKind()) {
            case "Mesh" -> Mesh.class;
            case "VirtualGateway" -> VirtualGateway.class;
            default -> null;
        };
        return type == null ? object : client.getKubernetesSerialization().convertValue(object, type);
    }

    private static String annotation(HasMetadata object, String key) {
        var annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
