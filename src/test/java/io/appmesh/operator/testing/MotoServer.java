package io.appmesh.operator.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * moto ({@code moto_server}, an independent AWS emulator installed on the development and CI machines) on a free
 * loopback port for one test class, with the operator pointed at it ({@code appmesh.aws-endpoint-override}, region,
 * static credentials). Init argument {@code eksCluster=name:ipFamily} creates an EKS cluster first. Fails loudly when
 * moto is missing: tests never skip silently.
 */
public class MotoServer implements QuarkusTestResourceLifecycleManager {

    public static final String REGION = "us-west-2";
    private Process process;
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(Path.of("target/moto-" + port + ".log").toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitUp(endpoint);
            // The operator's default credentials chain reads these system properties.
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
            String cluster = args.get("eksCluster");
            if (cluster != null) {
                String[] nameAndFamily = cluster.split(":");
                try (EksClient eks = EksClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                    eks.createCluster(r -> r.name(nameAndFamily[0]).roleArn("arn:aws:iam::123456789012:role/eks")
                            .resourcesVpcConfig(v -> v.subnetIds("subnet-0a1b2c3d"))
                            .kubernetesNetworkConfig(k -> k.ipFamily(nameAndFamily[1])));
                }
            }
            Map<String, String> config = new HashMap<>();
            config.put("appmesh.aws-endpoint-override", endpoint.toString());
            config.put("appmesh.aws-region", REGION);
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server (install moto: it is part of the build machines): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitUp(URI endpoint) throws InterruptedException {
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
    public void stop() {
        if (process != null) {
            process.destroy();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
