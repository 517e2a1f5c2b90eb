package io.appmesh.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Least privilege: the permissions the generated manifests and the OLM bundle give the operator's ServiceAccount are
 * exactly the requests some code path sends, each listed here with that path. A verb no code path uses fails the test,
 * and so does a request the operator makes without a grant. Run by failsafe after {@code package}.
 */
class RbacPackageIT {

    private static final String APPMESH = "appmesh.k8s.aws";
    private static final List<String> RECONCILED = List.of("meshes", "virtualnodes", "virtualservices", "virtualrouters",
            "virtualgateways", "gatewayroutes");

    /** {@code cluster|<namespace> <apiGroup> <resource> <verb>}: what the operator sends, and from where. */
    static Set<String> used() {
        Set<String> used = new TreeSet<>();
        for (String kind : RECONCILED) {
            // The SDK's informers and the webhooks' ClusterView: list + watch; Finalizers.editLatest reads the latest
            // object (get) and sends a JSON patch, as do the SDK's finalizer add/remove (patch).
            for (String verb : List.of("get", "list", "watch", "patch")) {
                used.add("cluster " + APPMESH + " " + kind + " " + verb);
            }
            // AppMeshReconciler.writeStatus: a resourceVersion-guarded PUT of the status subresource.
            used.add("cluster " + APPMESH + " " + kind + "/status update");
        }
        // BackendGroups are read (Members, VirtualNodeReconciler's event source), never written.
        for (String verb : List.of("get", "list", "watch")) {
            used.add("cluster " + APPMESH + " backendgroups " + verb);
            // ClusterView's namespace informer and its direct reads before sync.
            used.add("cluster  namespaces " + verb);
            // CloudMapReconciler's pod event source and its reads.
            used.add("cluster  pods " + verb);
        }
        // CloudMapReconciler.setGate: the aws-cloudmap-healthy readiness condition, a patch of pods/status.
        used.add("cluster  pods/status patch");
        // CloudMapReconciler: the node a pod runs on, for its zone and region attributes.
        used.add("cluster  nodes get");
        // EventRecorder: ReconcileError, PendingMembersDeletion, … events.
        used.add("cluster  events create");
        // XdsConfigMaps (xDS backend): its informer on the appmesh-xds ConfigMaps (list + watch), their creation, the
        // update that puts an edited one back (with the cached version) and, when a create finds one the labelled
        // cache does not hold, the get that decides whether it is the operator's (then updated) or someone else's.
        for (String verb : List.of("get", "list", "watch", "create", "update")) {
            used.add("cluster  configmaps " + verb);
        }
        // The SDK's leader election checks its Lease permissions with a SelfSubjectRulesReview at start-up.
        used.add("cluster authorization.k8s.io selfsubjectrulesreviews create");
        // XdsControlPlane.review (appmesh.xds.authenticate): a TokenReview of each new ADS stream's token.
        used.add("cluster authentication.k8s.io tokenreviews create");
        // Leader election (config/LeaderElection): the Lease in the operator's own namespace. fabric8's LeaseLock reads
        // it, creates it, and renews it with a JSON merge patch; the SDK refuses to start unless create, update and get
        // are granted (its start-up check), so update is listed for that check.
        for (String verb : List.of("get", "create", "update", "patch")) {
            used.add("appmesh-system coordination.k8s.io leases " + verb);
        }
        return used;
    }

    @Test
    void theManifestsGrantExactlyWhatTheOperatorUses() throws IOException {
        List<JsonNode> docs = documents(Path.of("target/kubernetes/kubernetes.yml"));
        Set<String> granted = new TreeSet<>();
        for (JsonNode binding : docs) {
            String kind = binding.path("kind").asText();
            if (!kind.equals("ClusterRoleBinding") && !kind.equals("RoleBinding")) {
                continue;
            }
            boolean toOperator = false;
            for (JsonNode subject : binding.path("subjects")) {
                toOperator |= subject.path("kind").asText().equals("ServiceAccount")
                        && subject.path("name").asText().equals("appmesh-operator");
            }
            if (!toOperator) {
                continue;
            }
            String scope = kind.equals("ClusterRoleBinding") ? "cluster" : binding.at("/metadata/namespace").asText();
            JsonNode role = docs.stream()
                    .filter(d -> d.path("kind").asText().equals(binding.at("/roleRef/kind").asText())
                            && d.at("/metadata/name").asText().equals(binding.at("/roleRef/name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no role for " + binding));
            granted.addAll(grants(scope, role.path("rules")));
        }

        assertThat(granted).as("granted to ServiceAccount appmesh-operator").containsExactlyInAnyOrderElementsOf(used());
    }

    @Test
    void theBundleAsksForTheSamePermissions() throws IOException {
        Path manifests = Path.of("target/bundle/appmesh-operator/manifests");
        Path csvFile;
        try (Stream<Path> files = Files.list(manifests)) {
            csvFile = files.filter(f -> f.toString().endsWith(".clusterserviceversion.yaml")).findFirst().orElseThrow();
        }
        JsonNode install = documents(csvFile).get(0).at("/spec/install/spec");
        Set<String> granted = new TreeSet<>();
        for (JsonNode permission : install.path("clusterPermissions")) {
            granted.addAll(grants("cluster", permission.path("rules")));
        }
        // OLM grants "permissions" in the namespace the operator is installed into.
        for (JsonNode permission : install.path("permissions")) {
            granted.addAll(grants("appmesh-system", permission.path("rules")));
        }

        assertThat(granted).as("permissions of the CSV").containsExactlyInAnyOrderElementsOf(used());
    }

    private static List<String> grants(String scope, JsonNode rules) {
        List<String> out = new ArrayList<>();
        for (JsonNode rule : rules) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        out.add(scope + " " + group.asText() + " " + resource.asText() + " " + verb.asText());
                    }
                }
            }
        }
        return out;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll().stream().filter(d -> d != null && !d.isNull())
                    .toList();
        }
    }
}
