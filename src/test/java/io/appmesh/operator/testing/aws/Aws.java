package io.appmesh.operator.testing.aws;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.ServiceSummary;

/**
 * A test's view of the AWS side behind an {@link AwsFront}: SDK clients of its own (what exists in AWS, independent of
 * the operator) and the front's controls (calls seen, faults, holds).
 */
public final class Aws {

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    public Aws(URI endpoint) {
        this.endpoint = endpoint;
    }

    public AppMeshClient appMesh() {
        return AppMeshClient.builder().endpointOverride(endpoint).region(Region.of(AppMeshEmulator.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public ServiceDiscoveryClient cloudMap() {
        return ServiceDiscoveryClient.builder().endpointOverride(endpoint).region(Region.of(AppMeshEmulator.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.putAdvancedOption(
                        software.amazon.awssdk.core.client.config.SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        true))
                .build();
    }

    /** Creates a Cloud Map HTTP namespace and waits until it is listed (creation is an asynchronous operation). */
    public static void createHttpNamespace(ServiceDiscoveryClient cloudMap, String name) {
        cloudMap.createHttpNamespace(r -> r.name(name));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cloudMap.listNamespaces().namespaces().stream().anyMatch(n -> n.name().equals(name)));
    }

    /** The Cloud Map service of that name, if there is one. */
    public static Optional<ServiceSummary> cloudMapService(ServiceDiscoveryClient cloudMap, String name) {
        return cloudMap.listServices().services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every App Mesh / Cloud Map operation that reached a backend so far ({@code !Op}: answered with a fault). */
    public List<String> calls() {
        List<String> calls = new ArrayList<>();
        control("calls").forEach(call -> calls.add(call.asText()));
        return calls;
    }

    public List<String> callsSince(int mark) {
        List<String> calls = calls();
        return new ArrayList<>(calls.subList(Math.min(mark, calls.size()), calls.size()));
    }

    /** Write operations (creates, updates, deletes, registrations) among {@code calls}. */
    public static List<String> writes(List<String> calls) {
        return calls.stream().filter(c -> !c.startsWith("!"))
                .filter(c -> c.matches("(Create|Update|Delete|Register|Deregister).*")).toList();
    }

    public void faults(double rate, long seed, long timeoutMillis) {
        control("faults?rate=" + rate + "&seed=" + seed + "&timeoutMillis=" + timeoutMillis);
    }

    public void hold(String operation) {
        control("hold?operation=" + operation);
    }

    /** The request bodies {@code operation} was called with, in order (JSON). */
    public List<JsonNode> bodies(String operation) {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        control("bodies?operation=" + operation).forEach(body -> {
            try {
                bodies.add(AppMeshEmulator.JSON.readTree(body.asText()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return bodies;
    }

    /** Every App Mesh {@code operation} is answered 400 with this error code until {@link #accept}. */
    public void reject(String operation, String code) {
        control("reject?operation=" + operation + "&code=" + code);
    }

    public void accept(String operation) {
        control("reject?operation=" + operation);
    }

    public void release() {
        control("release");
    }

    public void shareMesh(String mesh, String owner) {
        control("share?mesh=" + mesh + "&owner=" + owner);
    }

    private JsonNode control(String command) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/_front/" + command)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(command + ": " + response.body());
            }
            return AppMeshEmulator.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
