package io.appmesh.operator.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}, the native executable named by
 * {@code -Dappmesh.operator.binary}, or the container image built from it: {@link Image}) as a child process, pointed
 * at an in-process Kubernetes API ({@link LocalKubeApi}), everything on free loopback ports. Used by {@code make run}'s
 * sandbox, the benchmarks and the process tests (restart, leader election, the image). {@link #close()} stops the
 * process, and the API server when this operator started it.
 */
public final class LocalOperator implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** Where the generated Deployment mounts the webhook certificate Secret (upstream's controller-runtime path). */
    static final String CERT_DIR = "/tmp/k8s-webhook-server/serving-certs";

    private final LocalKubeApi api;
    private final boolean ownsApi;
    private final Process process;
    private final int httpsPort;
    private final int managementPort;
    /** The container this operator runs in ({@link Image}), else null. */
    private final Container container;
    private Duration readyAfter;

    private LocalOperator(LocalKubeApi api, boolean ownsApi, Process process, int httpsPort, int managementPort,
            Container container) {
        this.api = api;
        this.ownsApi = ownsApi;
        this.process = process;
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
        this.container = container;
    }

    /**
     * The operator's container image and the engine that runs it, as {@code make test-native} names them after
     * {@code make image}: {@code -Dappmesh.operator.image}, {@code -Dappmesh.operator.engine} (podman or docker) and
     * {@code -Dappmesh.operator.engine-options} (what {@code run} needs on this machine, space-separated).
     */
    public record Image(String engine, List<String> runOptions, String name) {

        /** The image the system properties name, or null when none is named. */
        public static Image fromSystemProperties() {
            String name = System.getProperty("appmesh.operator.image", "");
            if (name.isBlank()) {
                return null;
            }
            String options = System.getProperty("appmesh.operator.engine-options", "").strip();
            return new Image(System.getProperty("appmesh.operator.engine", "podman"),
                    options.isEmpty() ? List.of() : List.of(options.split("\\s+")), name);
        }

        /** Why this image cannot be run here (no engine, no such image), or null when it can. */
        public String unavailable() {
            try {
                Process inspect = new ProcessBuilder(engine, "image", "inspect", "--format", "{{.Id}}", name)
                        .redirectErrorStream(true).start();
                String output = new String(inspect.getInputStream().readAllBytes()).strip();
                return inspect.waitFor() == 0 ? null : engine + " has no image " + name + " (make image): " + output;
            } catch (IOException e) {
                return "no container engine " + engine + " (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /** A running container: its engine and name. */
    private record Container(String engine, String name) {

        String inspect(String format) throws IOException, InterruptedException {
            Process inspect = new ProcessBuilder(engine, "container", "inspect", "--format", format, name).start();
            String output = new String(inspect.getInputStream().readAllBytes()).strip();
            return inspect.waitFor() == 0 ? output : null;
        }

        void run(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(engine));
            command.addAll(List.of(arguments));
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
    }

    /**
     * An operator on an API server of its own.
     *
     * @param jvmOptions extra options for the operator's JVM (heap, settings)
     * @param inheritOutput whether the operator's log goes to this process's output (else to
     *        {@code target/local-operator.log})
     */
    public static LocalOperator start(List<String> jvmOptions, boolean inheritOutput) throws Exception {
        LocalKubeApi api = LocalKubeApi.start();
        try {
            return start(api, true, jvmOptions, Map.of(), inheritOutput ? null : Path.of("target/local-operator.log"));
        } catch (Exception e) {
            api.close();
            throw e;
        }
    }

    /**
     * An operator on a shared API server (a replica); the API server outlives it.
     *
     * @param environment extra environment variables (e.g. {@code HOSTNAME}, a pod's name in a cluster)
     * @param log where the operator's output goes
     */
    public static LocalOperator start(LocalKubeApi api, List<String> jvmOptions, Map<String, String> environment,
            Path log) throws Exception {
        LocalOperator operator = launch(api, false, jvmOptions, environment, log);
        operator.awaitReady(Duration.ofSeconds(60));
        return operator;
    }

    /** Like {@link #start(LocalKubeApi, List, Map, Path)}, without waiting for readiness ({@link #ready()}). */
    public static LocalOperator launch(LocalKubeApi api, List<String> jvmOptions, Map<String, String> environment,
            Path log) throws Exception {
        return launch(api, false, jvmOptions, environment, log);
    }

    /**
     * The operator from its container image, as the generated Deployment runs it: read-only root filesystem, non-root
     * (the image's user), no capabilities, no privilege escalation, the webhook certificate mounted read-only where
     * the Deployment mounts it. Host network, so that it reaches the API server and AWS on loopback.
     * {@code process()} is the engine's {@code run}, which relays signals to the container (SIGTERM on close).
     *
     * @param options options for the executable (heap, settings)
     */
    public static LocalOperator start(LocalKubeApi api, Image image, List<String> options,
            Map<String, String> environment, Path log) throws Exception {
        int https = freePort();
        int management = freePort();
        Container container = new Container(image.engine(), "appmesh-operator-" + management);
        List<String> command = new ArrayList<>(List.of(image.engine(), "run", "--rm", "--name", container.name(),
                "--network", "host", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
        if (Path.of(image.engine()).getFileName().toString().startsWith("podman")) {
            // podman mounts a writable tmpfs on /tmp, /run and /var/tmp of read-only containers; a pod gets none
            command.add("--read-only-tmpfs=false");
        }
        command.addAll(image.runOptions());
        command.addAll(List.of("-v", webhookCertificate(management) + ":" + CERT_DIR + ":ro", "-e",
                "KUBERNETES_MASTER=" + api.url()));
        environment.forEach((name, value) -> command.addAll(List.of("-e", name + "=" + value)));
        command.add(image.name());
        command.addAll(options);
        command.addAll(List.of(
                "-Dquarkus.kubernetes-client.trust-certs=true",
                "-Dquarkus.http.ssl-port=" + https,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management,
                "-Dquarkus.management.host=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        LocalOperator operator = new LocalOperator(api, false, builder.start(), https, management, container);
        operator.awaitReady(Duration.ofSeconds(60));
        return operator;
    }

    /**
     * The build's self-signed pair as the webhook Secret's volume presents it: {@code tls.crt} and {@code tls.key},
     * readable by the image's non-root user.
     */
    private static Path webhookCertificate(int id) throws IOException {
        Path dir = Path.of("target", "webhook-cert-" + id).toAbsolutePath();
        Files.createDirectories(dir);
        Files.copy(Path.of("target/certs/webhook.crt"), dir.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("target/certs/webhook.key"), dir.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);
        for (Path file : List.of(dir, dir.resolve("tls.crt"), dir.resolve("tls.key"))) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file)
                    ? "rwxr-xr-x"
                    : "rw-r--r--"));
        }
        return dir;
    }

    private static LocalOperator start(LocalKubeApi api, boolean ownsApi, List<String> jvmOptions,
            Map<String, String> environment, Path log) throws Exception {
        LocalOperator operator = launch(api, ownsApi, jvmOptions, environment, log);
        operator.awaitReady(Duration.ofSeconds(60));
        return operator;
    }

    private static LocalOperator launch(LocalKubeApi api, boolean ownsApi, List<String> jvmOptions,
            Map<String, String> environment, Path log) throws Exception {
        String binary = System.getProperty("appmesh.operator.binary", "");
        if (binary.isEmpty() && !Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build first (make build)");
        }
        int https = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>();
        command.add(binary.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : binary);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.kubernetes-client.api-server-url=" + api.url(),
                "-Dquarkus.kubernetes-client.trust-certs=true",
                "-Dquarkus.http.ssl-port=" + https,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + management,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.http.ssl.certificate.files=target/certs/webhook.crt",
                "-Dquarkus.http.ssl.certificate.key-files=target/certs/webhook.key",
                // The ADS port (appmesh.backend=xds) serves TLS with the same pair, as in a cluster.
                "-Dappmesh.xds.tls.cert-file=target/certs/webhook.crt",
                "-Dappmesh.xds.tls.key-file=target/certs/webhook.key",
                "-Dappmesh.xds.tls.ca-file=target/certs/webhook-ca.crt"));
        if (binary.isEmpty()) {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        // The native image does not honour quarkus.kubernetes-client.api-server-url given at run time; fabric8's own
        // variable works in both modes.
        builder.environment().put("KUBERNETES_MASTER", api.url());
        builder.environment().putAll(environment);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        return new LocalOperator(api, ownsApi, builder.start(), https, management, null);
    }

    public KubernetesClient client() {
        return api.client();
    }

    public String apiServerUrl() {
        return api.url();
    }

    public URI webhooks() {
        return URI.create("https://127.0.0.1:" + httpsPort);
    }

    public URI management() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public Process process() {
        return process;
    }

    /** From starting the process to the first successful readiness probe (polled every 50 ms). */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** One sample of a Prometheus metric: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The operator's {@code /q/metrics}, in Prometheus text format. HTTP/1.1: the JDK client's default h2c upgrade
     * attempt on a large response was seen to fail with "Frame type(110) ... exceeds MAX_FRAME_SIZE" (the plain
     * HTTP/1.1 body read as HTTP/2 frames).
     */
    public String metrics() throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(management().resolve("/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** The samples of one metric (exactly that name: no {@code _bucket}-style series). */
    public List<Sample> samples(String metric) throws IOException, InterruptedException {
        Matcher line = Pattern.compile("^" + Pattern.quote(metric) + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics());
        List<Sample> samples = new ArrayList<>();
        while (line.find()) {
            Map<String, String> labels = new HashMap<>();
            if (line.group(1) != null) {
                Matcher label = LABEL.matcher(line.group(1));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(labels, Double.parseDouble(line.group(2))));
        }
        return samples;
    }

    /** The operator's resident set size (VmRSS), in MiB: the process's, or in a container its main process's. */
    public long rssMiB() throws IOException, InterruptedException {
        String pid = container == null ? String.valueOf(process.pid()) : container.inspect("{{.State.Pid}}");
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Ends the process the way a crash or an OOM kill does: SIGKILL, no shutdown hooks, no lease release. */
    public void kill() throws IOException, InterruptedException {
        if (container != null) {
            container.run("kill", container.name());
        }
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            if (container != null) {
                container.run("rm", "--force", container.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // best effort: the container was started with --rm
        }
        if (ownsApi) {
            api.close();
        }
    }

    /** One readiness probe: whether {@code /q/health/ready} answers 200 now. */
    public boolean ready() throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(management().resolve("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Polls readiness every 50 ms; fails (and stops the process) when it exits or is not ready in time. */
    public void awaitReady(Duration timeout) throws Exception {
        Instant started = process.info().startInstant().orElse(Instant.now());
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue());
            }
            if (ready()) {
                readyAfter = Duration.between(started, Instant.now());
                return;
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("the operator was not ready within " + timeout.toSeconds() + " s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
