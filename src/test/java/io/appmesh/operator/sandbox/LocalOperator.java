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
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}, or the native executable named by
 * {@code -Dappmesh.operator.binary}) as a child process, pointed at an in-process Kubernetes API ({@link LocalKubeApi}),
 * everything on free loopback ports. Used by {@code make run}'s sandbox, the benchmarks and the process tests (restart,
 * leader election). {@link #close()} stops the process, and the API server when this operator started it.
 */
public final class LocalOperator implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final LocalKubeApi api;
    private final boolean ownsApi;
    private final Process process;
    private final int httpsPort;
    private final int managementPort;
    private Duration readyAfter;

    private LocalOperator(LocalKubeApi api, boolean ownsApi, Process process, int httpsPort, int managementPort) {
        this.api = api;
        this.ownsApi = ownsApi;
        this.process = process;
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
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
                "-Dquarkus.http.ssl.certificate.key-files=target/certs/webhook.key"));
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
        return new LocalOperator(api, ownsApi, builder.start(), https, management);
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

    /** The operator's {@code /q/metrics}, in Prometheus text format. */
    public String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(management().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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

    /** The process's resident set size (VmRSS), in MiB. */
    public long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Ends the process the way a crash or an OOM kill does: SIGKILL, no shutdown hooks, no lease release. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
