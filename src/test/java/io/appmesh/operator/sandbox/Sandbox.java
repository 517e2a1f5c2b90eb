package io.appmesh.operator.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.testing.YamlDocuments;
import io.appmesh.operator.testing.aws.AwsFront;
import io.appmesh.operator.testing.aws.MotoProcess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * {@code make run}. With a reachable cluster in the kubeconfig, runs the packaged operator against it. Without one,
 * runs a local sandbox: an in-process Kubernetes API (the fabric8 test server, CRUD mode), the operator as a child
 * process pointed at it, and the sample mesh of docs/examples applied through the operator's admission webhooks; then
 * prints every App Mesh object as the operator changes it. Ctrl-C stops everything.
 */
public final class Sandbox {

    private static final Path OPERATOR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path EXAMPLES = Path.of("docs/examples");
    private static final Path KUBECONFIG = Path.of("target/sandbox.kubeconfig");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(Mesh.class, VirtualNode.class,
            VirtualService.class, VirtualRouter.class, VirtualGateway.class, GatewayRoute.class, BackendGroup.class);

    private static int podIps;

    private Sandbox() {
    }

    public static void main(String[] args) throws Exception {
        // Ctrl-C or SIGTERM is how a run ends, not a failure: exit 0 after the shutdown hooks, so that make stays quiet
        // (the JVM's own handler exits 130, which make reports as "Error 130").
        for (String name : List.of("INT", "TERM")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(0));
        }
        if (!Files.exists(OPERATOR)) {
            throw new IllegalStateException(OPERATOR + " is missing: build first (make build)");
        }
        String cluster = reachableCluster();
        if (cluster != null) {
            System.out.println("make run: running the operator against " + cluster + " (current kubeconfig context)");
            Process operator = start(List.of(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(operator::destroy));
            System.exit(operator.waitFor());
        }
        runSandbox();
    }

    /** The API server URL of the current kubeconfig context when it answers, else null. */
    private static String reachableCluster() {
        try {
            Config config = Config.autoConfigure(null);
            if (config.getMasterUrl() == null || config.getCurrentContext() == null) {
                return null;
            }
            config.setConnectionTimeout(3000);
            config.setRequestTimeout(3000);
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                client.getKubernetesVersion();
                return config.getMasterUrl();
            }
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private static void runSandbox() throws Exception {
        // The embedded xDS control plane is the sandbox's default (AWS App Mesh has reached its end of support);
        // APPMESH_BACKEND=aws runs the AWS backend against moto instead.
        boolean aws = "aws".equals(System.getenv().getOrDefault("APPMESH_BACKEND", "xds"));
        System.out.println("make run: no reachable cluster in the kubeconfig, starting the local sandbox ("
                + (aws ? "AWS backend, against moto" : "xDS backend: no AWS") + ")");
        List<AutoCloseable> closing = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String awsEndpoint = null;
        int xdsPort = LocalOperator.freePort();
        if (aws) {
            // AWS: moto behind the test front (moto for meshes, nodes, routers, routes and Cloud Map; the in-repo App
            // Mesh emulator for what moto lacks: virtual services, gateways, gateway routes).
            MotoProcess moto = MotoProcess.start();
            AwsFront front = new AwsFront(AwsFront.Mode.MOTO, moto.endpoint());
            closing.add(front);
            closing.add(moto);
            options.addAll(front.operatorOptions());
            awsEndpoint = front.endpoint().toString();
        } else {
            // The config dump is safe here: the sandbox listens on loopback only. TLS and tokens as in a cluster (the
            // build's certificate, LocalOperator; the sandbox API server reviews the tokens it issues, XdsPodDemo); the
            // injected pods' ConfigMap names the loopback port, so a hand-run Envoy can use it with such a token.
            options.addAll(List.of("-Dappmesh.backend=xds", "-Dappmesh.xds.port=" + xdsPort,
                    "-Dappmesh.xds.bind-address=127.0.0.1", "-Dappmesh.xds.config-dump=true",
                    "-Dappmesh.xds.service-address=127.0.0.1:" + xdsPort));
        }
        LocalOperator operator = LocalOperator.start(options, true);
        Path kubeconfig = writeKubeconfig(operator.apiServerUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("make run: stopping the sandbox");
            operator.close();
            for (AutoCloseable c : closing) {
                try {
                    c.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
            try {
                Files.deleteIfExists(kubeconfig);
            } catch (IOException e) {
                // a stale file names a closed port: harmless
            }
        }));
        System.out.printf("make run: operator ready%n  Kubernetes API  %s%n  webhooks        %s%n"
                + "  health, metrics %s/q/health %s/q/metrics%n", operator.apiServerUrl(), operator.webhooks(),
                operator.management(), operator.management());
        if (aws) {
            System.out.printf("  AWS (moto)      %s%n", awsEndpoint);
        } else {
            System.out.printf("  xDS (ADS)       127.0.0.1:%d (TLS, CA target/certs/webhook-ca.crt, no token)%n"
                    + "  config dump     %s/q/xds/<node id>%n", xdsPort, operator.management());
        }
        System.out.printf("  kubectl         export KUBECONFIG=%s; kubectl get meshes,virtualnodes,virtualservices -A%n",
                kubeconfig.toAbsolutePath());
        try (KubernetesClient client = operator.client()) {
            applyExamples(client, new AdmissionEmulator(operator.webhooks()));
            if (!aws) {
                XdsSummary.print(client, operator.management());
                XdsPodDemo.show(client);
            }
            System.out.println("make run: watching App Mesh objects (Ctrl-C to stop)");
            watch(client, operator.process());
        }
    }

    /** A kubeconfig for the sandbox's API server (plain HTTP on loopback, no credentials), for kubectl. */
    static Path writeKubeconfig(String server) throws IOException {
        Path file = KUBECONFIG.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: appmesh-sandbox
                  cluster:
                    server: %s
                users:
                - name: appmesh-sandbox
                  user: {}
                contexts:
                - name: appmesh-sandbox
                  context:
                    cluster: appmesh-sandbox
                    user: appmesh-sandbox
                current-context: appmesh-sandbox
                """.formatted(server));
        return file;
    }

    private static void applyExamples(KubernetesClient client, AdmissionEmulator admission) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode doc : YamlDocuments.read(file)) {
                String what = doc.path("kind").asText() + " " + name(doc);
                boolean pod = "Pod".equals(doc.path("kind").asText());
                if (!pod && !doc.path("apiVersion").asText().startsWith("appmesh.k8s.aws/")) {
                    client.resource(YAML.writeValueAsString(doc)).create();
                    System.out.println("  created  " + what);
                    continue;
                }
                AdmissionEmulator.Verdict verdict = admission.admit(doc);
                // The operator's caches may not have seen the VirtualNode created a moment ago.
                for (int i = 0; i < 20 && verdict.denial() != null && verdict.denial().contains("no matching"); i++) {
                    Thread.sleep(250);
                    verdict = admission.admit(doc);
                }
                if (verdict.denial() != null) {
                    System.out.println("  DENIED   " + what + ": " + verdict.denial());
                    continue;
                }
                if (pod) {
                    // The API server names a generated pod after admission; the test server does not.
                    com.fasterxml.jackson.databind.node.ObjectNode named = (com.fasterxml.jackson.databind.node.ObjectNode) verdict
                            .object().deepCopy();
                    if (!named.at("/metadata/name").isTextual()) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) named.get("metadata")).put("name",
                                named.at("/metadata/generateName").asText() + Long.toString(System.nanoTime() % 100000, 36));
                    }
                    Pod created = client.resource(
                            client.getKubernetesSerialization().unmarshal(named.toString(), Pod.class)).create();
                    // The sandbox has no kubelet: report the pod running and ready with an IP, as one would.
                    created.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP("10.1.0." + (++podIps))
                            .addNewCondition().withType("ContainersReady").withStatus("True").endCondition().build());
                    client.resource(created).updateStatus();
                    List<String> containers = new ArrayList<>();
                    verdict.object().at("/spec/initContainers")
                            .forEach(c -> containers.add(c.path("name").asText() + " (init)"));
                    verdict.object().at("/spec/containers").forEach(c -> containers.add(c.path("name").asText()));
                    System.out.printf("  injected Pod %s/%s: %s%n", named.at("/metadata/namespace").asText(),
                            named.at("/metadata/name").asText(), String.join(", ", containers));
                    continue;
                }
                Class<? extends HasMetadata> type = KINDS.stream()
                        .filter(k -> HasMetadata.getKind(k).equals(doc.path("kind").asText())).findFirst().orElseThrow();
                client.resource(client.getKubernetesSerialization().unmarshal(verdict.object().toString(), type)).create();
                JsonNode spec = verdict.object().path("spec");
                System.out.printf("  admitted %s awsName=%s meshRef=%s%n", what, spec.path("awsName").asText("-"),
                        spec.path("meshRef").path("name").asText("-"));
            }
        }
    }

    /** Prints each App Mesh object whenever its finalizers or status change. */
    private static void watch(KubernetesClient client, Process operator) throws InterruptedException {
        Map<String, String> seen = new LinkedHashMap<>();
        while (operator.isAlive()) {
            for (Class<? extends HasMetadata> kind : KINDS) {
                for (HasMetadata o : client.resources(kind).inAnyNamespace().list().getItems()) {
                    String key = o.getKind() + " " + (o.getMetadata().getNamespace() == null
                            ? ""
                            : o.getMetadata().getNamespace() + "/") + o.getMetadata().getName();
                    JsonNode tree = client.getKubernetesSerialization().convertValue(o, JsonNode.class);
                    JsonNode status = tree.path("status");
                    String arn = "-";
                    for (var field = status.fields(); field.hasNext();) {
                        var entry = field.next();
                        if (entry.getKey().endsWith("ARN")) {
                            arn = entry.getValue().asText();
                        }
                    }
                    StringBuilder conditions = new StringBuilder();
                    status.path("conditions").forEach(c -> conditions.append(c.path("type").asText()).append('=')
                            .append(c.path("status").asText())
                            .append(c.hasNonNull("reason")
                                    ? " (" + c.path("reason").asText() + ": "
                                            + c.path("message").asText() + ")"
                                    : "")
                            .append(' '));
                    String state = conditions.toString().trim() + " arn=" + arn + " finalizers="
                            + o.getMetadata().getFinalizers().size();
                    if (!state.equals(seen.put(key, state))) {
                        System.out.printf("  %s %-45s %s%n", Instant.now().toString().substring(11, 19), key, state);
                    }
                }
            }
            Thread.sleep(2000);
        }
        System.out.println("make run: the operator exited with " + operator.exitValue());
    }

    private static Process start(List<String> properties, boolean certificatesFromBuild) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(properties);
        if (certificatesFromBuild && properties.isEmpty()) {
            command.add("-Dquarkus.http.ssl.certificate.files=target/certs/webhook.crt");
            command.add("-Dquarkus.http.ssl.certificate.key-files=target/certs/webhook.key");
        }
        command.add("-jar");
        command.add(OPERATOR.toString());
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static String name(JsonNode doc) {
        String ns = doc.at("/metadata/namespace").asText("");
        return (ns.isEmpty() ? "" : ns + "/") + doc.at("/metadata/name").asText();
    }

}
