package io.appmesh.operator.testing.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The one AWS endpoint the operator under test talks to ({@code appmesh.aws-endpoint-override}), on a free loopback
 * port. It routes each request:
 * <ul>
 * <li>App Mesh, {@link Mode#EMULATOR}: everything to the {@link AppMeshEmulator} (App Mesh semantics: errors, shared
 * meshes, in-use checks).</li>
 * <li>App Mesh, {@link Mode#MOTO}: meshes, virtual nodes, virtual routers and routes to moto — an independent
 * implementation whose parser must accept what the operator sends — and virtual services, gateways and gateway routes
 * (which moto lacks) to the emulator. moto's answers are normalised where moto (5.x) departs from AWS, as measured with
 * SDK 2.40.2: {@code "22/11/2026, 00:33:40"} timestamps become epoch seconds, owners holding an access key become the
 * account id, mesh ARNs get their {@code mesh/}, {@code 400 …NotFound} / {@code …AlreadyTaken} become
 * {@code 404 NotFoundException} / {@code 409 ConflictException}, and the {@code null} members moto writes into specs
 * are dropped; requests get the {@code awsCloudMap.attributes} list moto insists on. moto's missing {@code ResourceInUseException} on deleting a mesh with children is not papered over.</li>
 * <li>Everything else (Cloud Map, STS, EKS) to moto as is.</li>
 * </ul>
 * Tests drive it over HTTP under {@code /_front/} (it may live in another class loader or process): {@code calls}
 * (every App Mesh / Cloud Map operation that reached a backend, in order), {@code faults?rate=&seed=} (answer that share
 * of App Mesh and Cloud Map calls with throttling, a 5xx or a time-out instead), {@code hold?operation=} (forward the
 * next such call, then withhold its answer: a client that dies meanwhile never learns the outcome), {@code reset}.
 */
public final class AwsFront implements AutoCloseable {

    public enum Mode {
        EMULATOR, MOTO
    }

    private static final Set<String> EMULATED_IN_MOTO_MODE = Set.of("virtualService", "virtualGateway", "gatewayRoute");
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding");
    private static final Pattern MOTO_TIME = Pattern.compile("\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter MOTO_TIME_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy, HH:mm:ss");
    private static final Pattern MESH_ARN = Pattern.compile("^(arn:aws:appmesh:[^:]*:[^:]*:)(?!mesh/)(.+)$");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AppMeshEmulator emulator = new AppMeshEmulator();
    private final Mode mode;
    private final URI moto;
    private final List<String> calls = new ArrayList<>();
    private double faultRate;
    private Random random = new Random(1);
    private int faultKind;
    private Duration timeoutHold = Duration.ofSeconds(3);
    private String holdOperation;
    /** The bodies of the requests each operation was called with, in order. */
    private final Map<String, List<String>> requestBodies = new java.util.concurrent.ConcurrentHashMap<>();
    /** Operation → the App Mesh error code it is answered with (400), until cleared. */
    private final Map<String, String> rejections = new java.util.concurrent.ConcurrentHashMap<>();
    private CountDownLatch released = new CountDownLatch(1);

    public AwsFront(Mode mode, URI moto) throws IOException {
        this.mode = mode;
        this.moto = moto;
        if (mode == Mode.MOTO) {
            emulator.acceptMeshes(this::motoHasMesh);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-front");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Options that point an operator process at this front: endpoint, region and static test credentials (what
     * {@link AwsTestEnvironment} configures for an in-process operator).
     */
    public List<String> operatorOptions() {
        return List.of("-Dappmesh.aws-endpoint-override=" + endpoint(), "-Dappmesh.aws-region=" + AppMeshEmulator.REGION,
                "-Daws.accessKeyId=testing", "-Daws.secretAccessKey=testing");
    }

    public AppMeshEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/_front/")) {
                control(exchange, path.substring("/_front/".length()), query);
                return;
            }
            AppMeshEmulator.Target target = AppMeshEmulator.target(path);
            String operation = target != null
                    ? AppMeshEmulator.operation(exchange.getRequestMethod(), target)
                    : cloudMapOperation(exchange);
            if (operation != null && fault(exchange, operation, target != null, body)) {
                return;
            }
            if (operation != null && target != null && rejections.containsKey(operation)) {
                record("!" + operation);
                send(exchange, new Reply(400, rejections.get(operation), error("rejected by the test: " + operation),
                        "application/json"));
                return;
            }
            Reply reply;
            if (target != null && (mode == Mode.EMULATOR || EMULATED_IN_MOTO_MODE.contains(target.kind().name()))) {
                AppMeshEmulator.Answer answer = emulator.handle(exchange.getRequestMethod(), path, query,
                        new String(body, StandardCharsets.UTF_8));
                reply = new Reply(answer.status(), answer.errorType(), answer.body().getBytes(StandardCharsets.UTF_8),
                        "application/json");
            } else {
                reply = forward(exchange, target != null ? normaliseRequest(body) : body);
                if (target != null) {
                    reply = normalise(reply);
                }
            }
            if (operation != null) {
                record(operation);
                requestBodies.computeIfAbsent(operation, o -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(new String(body, StandardCharsets.UTF_8));
                if (held(operation)) {
                    return;
                }
            }
            send(exchange, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Reply(int status, String errorType, byte[] body, String contentType) {
    }

    private Reply forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(moto + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                response.body(), response.headers().firstValue("Content-Type").orElse("application/json"));
    }

    /**
     * moto's parser rejects an {@code awsCloudMap} service discovery without {@code attributes} (AWS: optional) with
     * {@code MissingRequiredField}; it gets the empty list AWS would assume.
     */
    private static byte[] normaliseRequest(byte[] body) throws IOException {
        if (body.length == 0) {
            return body;
        }
        JsonNode tree = AppMeshEmulator.JSON.readTree(body);
        if (tree.path("spec").path("serviceDiscovery").path("awsCloudMap") instanceof ObjectNode cloudMap
                && !cloudMap.has("attributes")) {
            cloudMap.putArray("attributes");
            return AppMeshEmulator.JSON.writeValueAsBytes(tree);
        }
        return body;
    }

    private Reply normalise(Reply reply) throws IOException {
        if (reply.status() == 400 && reply.errorType() != null) {
            String message = AppMeshEmulator.JSON.readTree(reply.body()).path("message").asText();
            if (reply.errorType().endsWith("NotFound")) {
                return new Reply(404, "NotFoundException", error(message), "application/json");
            }
            if (reply.errorType().contains("AlreadyTaken") || reply.errorType().contains("AlreadyExists")) {
                return new Reply(409, "ConflictException", error(message), "application/json");
            }
            return new Reply(400, "BadRequestException", error(reply.errorType() + ": " + message), "application/json");
        }
        if (reply.status() != 200 || reply.body().length == 0) {
            return reply;
        }
        JsonNode tree = AppMeshEmulator.JSON.readTree(reply.body());
        fix(tree, false);
        return new Reply(200, null, AppMeshEmulator.JSON.writeValueAsBytes(tree), reply.contentType());
    }

    private static byte[] error(String message) {
        return AppMeshEmulator.JSON.createObjectNode().put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Rewrites moto's departures from AWS in place (see the class comment). */
    private static void fix(JsonNode node, boolean inSpec) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> fix(element, inSpec));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            String key = field.getKey();
            if (value.isTextual() && MOTO_TIME.matcher(value.asText()).matches()) {
                field.setValue(AppMeshEmulator.JSON.getNodeFactory().numberNode(
                        LocalDateTime.parse(value.asText(), MOTO_TIME_FORMAT).toEpochSecond(ZoneOffset.UTC)));
            } else if ((key.equals("meshOwner") || key.equals("resourceOwner")) && value.isTextual()
                    && !value.asText().matches("\\d{12}")) {
                field.setValue(AppMeshEmulator.JSON.getNodeFactory().textNode(AppMeshEmulator.ACCOUNT));
            } else if (key.equals("arn") && value.isTextual()) {
                Matcher m = MESH_ARN.matcher(value.asText());
                if (m.matches()) {
                    field.setValue(AppMeshEmulator.JSON.getNodeFactory().textNode(m.group(1) + "mesh/" + m.group(2)));
                }
            }
            fix(field.getValue(), inSpec || key.equals("spec"));
        }
        if (inSpec) {
            object.properties().removeIf(e -> e.getValue().isNull()
                    || (e.getValue().isObject() && e.getValue().isEmpty()));
        }
    }

    private boolean motoHasMesh(String mesh) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(moto + "/v20190125/meshes/" + mesh))
                            .header("Authorization",
                                    "AWS4-HMAC-SHA256 Credential=testing/20260101/us-west-2/appmesh/aws4_request, SignedHeaders=host, Signature=0")
                            .GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String cloudMapOperation(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith("Route53AutoNaming")) {
            return target.substring(target.indexOf('.') + 1);
        }
        return null;
    }

    /** Answers a share of calls with a fault instead of the backend's answer; true when it did. */
    private boolean fault(HttpExchange exchange, String operation, boolean appMesh, byte[] body)
            throws IOException, InterruptedException {
        int kind;
        Duration hold;
        synchronized (this) {
            if (faultRate <= 0 || random.nextDouble() >= faultRate) {
                return false;
            }
            kind = faultKind++ % 3;
            hold = timeoutHold;
            calls.add("!" + operation);
        }
        switch (kind) {
            case 0 -> send(exchange, appMesh
                    ? new Reply(429, "TooManyRequestsException", error("Rate exceeded"), "application/json")
                    : new Reply(400, null, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
                            .getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1"));
            case 1 -> send(exchange, appMesh
                    ? new Reply(503, "ServiceUnavailableException", error("try again"), "application/json")
                    : new Reply(500, null, "{\"__type\":\"InternalFailure\"}".getBytes(StandardCharsets.UTF_8),
                            "application/x-amz-json-1.1"));
            default -> {
                // The request may or may not have been carried out: here it was, and the answer is lost.
                if (AppMeshEmulator.target(exchange.getRequestURI().getRawPath()) == null
                        || !(mode == Mode.EMULATOR || EMULATED_IN_MOTO_MODE.contains(
                                AppMeshEmulator.target(exchange.getRequestURI().getRawPath()).kind().name()))) {
                    forward(exchange, body);
                } else {
                    emulator.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            query(exchange.getRequestURI().getRawQuery()), new String(body, StandardCharsets.UTF_8));
                }
                Thread.sleep(hold.toMillis());
            }
        }
        return true;
    }

    private boolean held(String operation) throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            if (holdOperation == null || !holdOperation.equals(operation)) {
                return false;
            }
            holdOperation = null;
            latch = released;
        }
        latch.await(60, TimeUnit.SECONDS);
        return true;
    }

    private synchronized void record(String operation) {
        calls.add(operation);
    }

    private void control(HttpExchange exchange, String command, Map<String, String> query) throws IOException {
        String answer = "{}";
        synchronized (this) {
            switch (command) {
                case "calls" -> answer = AppMeshEmulator.JSON.valueToTree(calls).toString();
                case "bodies" -> answer = AppMeshEmulator.JSON
                        .valueToTree(requestBodies.getOrDefault(query.get("operation"), List.of())).toString();
                case "reset" -> calls.clear();
                case "faults" -> {
                    faultRate = Double.parseDouble(query.getOrDefault("rate", "0"));
                    random = new Random(Long.parseLong(query.getOrDefault("seed", "1")));
                    timeoutHold = Duration.ofMillis(Long.parseLong(query.getOrDefault("timeoutMillis", "3000")));
                }
                case "hold" -> {
                    holdOperation = query.get("operation");
                    released = new CountDownLatch(1);
                }
                case "release" -> released.countDown();
                case "reject" -> {
                    if (query.containsKey("code")) {
                        rejections.put(query.get("operation"), query.get("code"));
                    } else {
                        rejections.remove(query.get("operation"));
                    }
                }
                case "share" -> emulator.shareMesh(query.get("mesh"), query.get("owner"));
                default -> {
                    send(exchange, new Reply(404, null, error("unknown command " + command), "application/json"));
                    return;
                }
            }
        }
        send(exchange, new Reply(200, null, answer.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        if (reply.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.errorType());
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
