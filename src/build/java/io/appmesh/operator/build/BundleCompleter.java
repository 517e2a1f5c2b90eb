package io.appmesh.operator.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;


/**
 * Build step (run at {@code package}, see pom.xml) that completes the OLM bundle the operator SDK writes to
 * {@code target/bundle/<name>/}. The SDK's generator lists only the CRDs of kinds that have a reconciler and knows
 * nothing of admission webhooks, while this operator serves all seven kinds and fifteen webhooks (sidecar injection and the CRD webhooks). So:
 * <ol>
 * <li>every generated {@code appmesh.k8s.aws} CRD is copied into {@code manifests/} and listed as owned;</li>
 * <li>the generated Mutating/ValidatingWebhookConfigurations become {@code spec.webhookdefinitions};</li>
 * <li>the webhook certificate Secret volume is dropped from the CSV's Deployment: OLM creates the serving certificate
 * itself and mounts it at {@code /tmp/k8s-webhook-server/serving-certs}, the path the operator reads.</li>
 * </ol>
 * It checks the result and fails the build when a CRD or a webhook is missing.
 */
public final class BundleCompleter {

    static final String GROUP = "appmesh.k8s.aws";
    static final String CERT_VOLUME = "webhook-cert";
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private BundleCompleter() {
    }

    /** @param args the build directory ({@code target}) */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        Path bundles = target.resolve("bundle");
        if (!Files.isDirectory(bundles)) {
            System.out.println("BundleCompleter: no bundle in " + bundles + ", nothing to complete");
            return;
        }
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path bundle : dirs.filter(Files::isDirectory).toList()) {
                Summary summary = complete(bundle, target.resolve("kubernetes"));
                System.out.printf("BundleCompleter: %s owns %d CRDs, declares %d webhooks%n", bundle.getFileName(),
                        summary.crds(), summary.webhooks());
            }
        }
    }

    record Summary(int crds, int webhooks) {
    }

    static Summary complete(Path bundle, Path kubernetes) throws IOException {
        Path manifests = bundle.resolve("manifests");
        Path csvFile;
        try (Stream<Path> s = Files.list(manifests)) {
            csvFile = s.filter(p -> p.toString().endsWith(".clusterserviceversion.yaml")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ClusterServiceVersion in " + manifests));
        }
        ObjectNode csv = (ObjectNode) YAML.readTree(csvFile.toFile());
        ObjectNode spec = (ObjectNode) csv.get("spec");
        int crds = addCrds(spec, manifests, kubernetes);
        int webhooks = addWebhooks(spec, kubernetes.resolve("kubernetes.yml"));
        dropCertificateVolume(spec);
        YAML.writeValue(csvFile.toFile(), csv);
        if (crds != 7 || webhooks != 15) {
            throw new IllegalStateException(
                    "incomplete bundle: " + crds + " CRDs (want 7), " + webhooks + " webhooks (want 15)");
        }
        return new Summary(crds, webhooks);
    }

    private static int addCrds(ObjectNode spec, Path manifests, Path kubernetes) throws IOException {
        ArrayNode owned = spec.with("customresourcedefinitions").withArray("owned");
        Set<String> listed = new TreeSet<>();
        owned.forEach(o -> listed.add(o.path("name").asText()));
        List<Path> crdFiles;
        try (Stream<Path> s = Files.list(kubernetes)) {
            crdFiles = s.filter(p -> p.getFileName().toString().endsWith("." + GROUP + "-v1.yml")).sorted().toList();
        }
        for (Path crdFile : crdFiles) {
            JsonNode crd = YAML.readTree(crdFile.toFile());
            String name = crd.at("/metadata/name").asText();
            String plural = crd.at("/spec/names/plural").asText();
            Files.copy(crdFile, manifests.resolve(plural + "." + GROUP + "-v1.crd.yml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (listed.add(name)) {
                String kind = crd.at("/spec/names/kind").asText();
                owned.addObject().put("kind", kind).put("name", name).put("version", crd.at("/spec/versions/0/name").asText())
                        .put("displayName", kind);
            }
        }
        return owned.size();
    }

    private static int addWebhooks(ObjectNode spec, Path kubernetesYml) throws IOException {
        ArrayNode definitions = spec.putArray("webhookdefinitions");
        String deployment = spec.at("/install/spec/deployments/0/name").asText();
        for (JsonNode doc : documents(kubernetesYml)) {
            String kind = doc.path("kind").asText();
            String type = switch (kind) {
                case "MutatingWebhookConfiguration" -> "MutatingAdmissionWebhook";
                case "ValidatingWebhookConfiguration" -> "ValidatingAdmissionWebhook";
                default -> null;
            };
            if (type == null) {
                continue;
            }
            for (JsonNode webhook : doc.path("webhooks")) {
                ObjectNode d = definitions.addObject();
                d.put("type", type);
                d.put("generateName", webhook.path("name").asText());
                d.put("deploymentName", deployment);
                d.put("containerPort", webhook.at("/clientConfig/service/port").asInt(443));
                d.put("targetPort", 9443);
                d.put("webhookPath", webhook.at("/clientConfig/service/path").asText());
                d.set("admissionReviewVersions", webhook.get("admissionReviewVersions"));
                d.put("failurePolicy", webhook.path("failurePolicy").asText());
                d.put("sideEffects", webhook.path("sideEffects").asText());
                if (webhook.has("timeoutSeconds")) {
                    d.put("timeoutSeconds", webhook.get("timeoutSeconds").asInt());
                }
                d.set("rules", webhook.get("rules"));
                if (webhook.has("namespaceSelector")) {
                    d.set("namespaceSelector", webhook.get("namespaceSelector"));
                }
            }
        }
        return definitions.size();
    }

    private static void dropCertificateVolume(ObjectNode spec) {
        for (JsonNode deployment : spec.at("/install/spec/deployments")) {
            JsonNode podSpec = deployment.at("/spec/template/spec");
            removeNamed(podSpec.get("volumes"), CERT_VOLUME);
            for (JsonNode container : podSpec.path("containers")) {
                removeNamed(container.get("volumeMounts"), CERT_VOLUME);
            }
        }
    }

    private static void removeNamed(JsonNode list, String name) {
        if (list instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (name.equals(array.get(i).path("name").asText())) {
                    array.remove(i);
                }
            }
        }
    }


    /** The object documents of a multi-document YAML file. */
    private static List<JsonNode> documents(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(file.toFile())) {
            parser.setCodec(yaml);
            while (parser.nextToken() != null) {
                JsonNode doc = yaml.readTree(parser);
                if (doc != null && doc.isObject()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
