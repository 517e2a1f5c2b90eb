package io.appmesh.operator.api.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.YamlDocuments;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Real users' manifests (src/test/resources/examples, the aws-app-mesh-examples walkthroughs) judged by the generated
 * schema exactly as by upstream's: every {@code appmesh.k8s.aws/v1beta2} document, with {@code ${VAR}} / {@code $VAR}
 * placeholders rendered, gets the same verdict (the same list of violations, usually none) from both. {@code v1beta1/}
 * folders and files that are not YAML are skipped and counted.
 */
@QuarkusTest
@WithLocalKubeApi
class ExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/examples");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    @Test
    void examplesAreJudgedAlikeByBothSchemas() throws IOException {
        Map<String, JsonNode> upstream = schemas(CrdContractTest.UPSTREAM, ".yaml");
        Map<String, JsonNode> generated = schemas(CrdContractTest.GENERATED, "-v1.yml");
        assertThat(generated.keySet()).isEqualTo(upstream.keySet());

        List<Path> files;
        try (Stream<Path> s = Files.walk(EXAMPLES)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int documents = 0, valid = 0, skippedV1beta1 = 0, skippedNotYaml = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().contains("/v1beta1/")) {
                skippedV1beta1++;
                continue;
            }
            List<JsonNode> docs = parse(file);
            if (docs == null) {
                skippedNotYaml++;
                continue;
            }
            for (JsonNode doc : docs) {
                if (!"appmesh.k8s.aws/v1beta2".equals(doc.path("apiVersion").asText())) {
                    continue;
                }
                documents++;
                String kind = doc.path("kind").asText();
                List<String> byUpstream = SchemaJudge.violations(upstream.get(kind), doc);
                List<String> byGenerated = SchemaJudge.violations(generated.get(kind), doc);
                if (!byUpstream.equals(byGenerated)) {
                    disagreements.add(EXAMPLES.relativize(file) + " " + kind + " " + doc.at("/metadata/name").asText()
                            + ": upstream " + byUpstream + " vs generated " + byGenerated);
                }
                if (byUpstream.isEmpty()) {
                    valid++;
                }
            }
        }
        System.out.printf("Examples: %d v1beta2 documents judged alike by both schemas (%d valid, %d with violations); "
                + "skipped %d v1beta1 files and %d files that are not YAML%n", documents - disagreements.size(), valid,
                documents - valid, skippedV1beta1, skippedNotYaml);
        assertThat(documents).isGreaterThan(100);
        assertThat(disagreements).isEmpty();
    }

    /** The YAML documents of a file with placeholders rendered, or null when it is not YAML. */
    private static List<JsonNode> parse(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template"))) {
            return null;
        }
        try {
            return YamlDocuments.parse(PLACEHOLDER.matcher(Files.readString(file)).replaceAll("dummy"));
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, JsonNode> schemas(Path dir, String suffix) throws IOException {
        Map<String, JsonNode> byKind = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(suffix)).toList()) {
                JsonNode crd = YAML.readTree(f.toFile());
                if ("appmesh.k8s.aws".equals(crd.at("/spec/group").asText())) {
                    byKind.put(crd.at("/spec/names/kind").asText(), crd.at("/spec/versions/0/schema/openAPIV3Schema"));
                }
            }
        }
        return byKind;
    }
}
