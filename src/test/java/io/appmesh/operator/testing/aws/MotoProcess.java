package io.appmesh.operator.testing.aws;

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

/**
 * One {@code moto_server} process (an independent AWS emulator installed on the development and CI machines) on a free
 * loopback port, logging to {@code target/moto-<port>.log}. Fails loudly when moto is missing: tests never skip.
 */
public final class MotoProcess implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoProcess start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(Path.of("target"));
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(Path.of("target/moto-" + port + ".log").toFile()).start();
            MotoProcess moto = new MotoProcess(process, URI.create("http://127.0.0.1:" + port));
            moto.awaitUp();
            return moto;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server (install moto: it is part of the build machines): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue());
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("moto_server did not answer within 30 s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
