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

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}) as a child process, pointed at an in-process
 * Kubernetes API (the fabric8 test server in CRUD mode), everything on free loopback ports. Used by {@code make run}'s
 * sandbox and {@code make bench-webhook}. {@link #close()} stops both.
 */
public final class LocalOperator implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final KubernetesMockServer apiServer;
    private final Process process;
    private final int httpsPort;
    private final int managementPort;

    private LocalOperator(KubernetesMockServer apiServer, Process process, int httpsPort, int managementPort) {
        this.apiServer = apiServer;
        this.process = process;
        this.httpsPort = httpsPort;
        this.managementPort = managementPort;
    }

    /**
     * @param jvmOptions extra options for the operator's JVM (heap, settings)
     * @param inheritOutput whether the operator's log goes to this process's output
     */
    public static LocalOperator start(List<String> jvmOptions, boolean inheritOutput) throws Exception {
        // -Dappmesh.operator.binary=<native executable> runs the native image instead of the jar.
        String binary = System.getProperty("appmesh.operator.binary", "");
        if (binary.isEmpty() && !Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build first (make build)");
        }
        // The test server logs every request at INFO; callers print what matters themselves.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        apiServer.init(InetAddress.getLoopbackAddress(), freePort());
        int https = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>();
        command.add(binary.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : binary);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.kubernetes-client.api-server-url=http://127.0.0.1:" + apiServer.getPort(),
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
        builder.environment().put("KUBERNETES_MASTER", "http://127.0.0.1:" + apiServer.getPort());
        if (inheritOutput) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(Path.of("target/local-operator.log").toFile());
        }
        LocalOperator operator = new LocalOperator(apiServer, builder.start(), https, management);
        operator.awaitReady();
        return operator;
    }

    public KubernetesClient client() {
        return apiServer.createClient();
    }

    public String apiServerUrl() {
        return "http://127.0.0.1:" + apiServer.getPort();
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

    @Override
    public void close() {
        process.destroy();
        apiServer.destroy();
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = management().resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("the operator was not ready within 60 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
