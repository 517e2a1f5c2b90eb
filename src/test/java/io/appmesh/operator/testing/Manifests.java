package io.appmesh.operator.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.appmesh.operator.api.v1beta2.backendgroup.BackendGroup;
import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualnode.VirtualNode;
import io.appmesh.operator.api.v1beta2.virtualrouter.VirtualRouter;
import io.appmesh.operator.api.v1beta2.virtualservice.VirtualService;
import io.appmesh.operator.mesh.References;
import io.appmesh.operator.sandbox.AdmissionEmulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Applies manifests to the test API server the way a cluster would: every App Mesh object goes through the operator's
 * own mutating and validating webhooks first (the fabric8 test server has no admission chain), so the stored objects
 * carry {@code meshRef}, {@code awsName} and the other defaults exactly as in a real cluster.
 */
public final class Manifests {

    public static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Mesh", Mesh.class, "VirtualNode",
            VirtualNode.class, "VirtualService", VirtualService.class, "VirtualRouter", VirtualRouter.class,
            "VirtualGateway", VirtualGateway.class, "GatewayRoute", GatewayRoute.class, "BackendGroup",
            BackendGroup.class, "Namespace", Namespace.class, "Pod", Pod.class);

    private final KubernetesClient client;
    private final AdmissionEmulator admission;

    public Manifests(KubernetesClient client, URI webhooks) {
        this.client = client;
        this.admission = new AdmissionEmulator(webhooks);
    }

    /** A Namespace labelled {@code mesh=<name>} and a Mesh of that name selecting it, as YAML to apply. */
    public static String namespaceAndMesh(String name) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s, labels: {mesh: %1$s}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: %1$s}
                spec: {namespaceSelector: {matchLabels: {mesh: %1$s}}}
                """.formatted(name);
    }

    public List<HasMetadata> applyFile(String file) {
        try {
            return apply(YamlDocuments.read(Path.of(file)));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    public List<HasMetadata> apply(String yaml) {
        try {
            return apply(YamlDocuments.parse(yaml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HasMetadata> apply(List<JsonNode> documents) {
        List<HasMetadata> created = new ArrayList<>();
        for (JsonNode document : documents) {
            created.add(create(document));
        }
        return created;
    }

    /** Admits (retrying while the webhooks' caches catch up with objects created a moment ago) and creates. */
    private HasMetadata create(JsonNode document) {
        Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
        if (type == Namespace.class) {
            return client.resource(YamlDocuments.YAML.convertValue(document, Namespace.class)).create();
        }
        AtomicReference<AdmissionEmulator.Verdict> verdict = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            verdict.set(admission.admit(document));
            return verdict.get().denial() == null;
        });
        HasMetadata object = YamlDocuments.YAML.convertValue(verdict.get().object(), type);
        return client.resource(object).create();
    }

    /**
     * Applies changed manifests of existing App Mesh objects as {@code kubectl apply} does for custom resources: each
     * document is merged into the stored object as a JSON merge patch (objects merge, lists and values replace, so
     * the fields the webhooks defaulted — meshRef, awsName — stay), the result goes through the webhooks as an UPDATE
     * of the stored object, and replaces it.
     */
    public List<HasMetadata> update(String yaml) {
        try {
            List<HasMetadata> updated = new ArrayList<>();
            for (JsonNode document : YamlDocuments.parse(yaml)) {
                updated.add(update(document));
            }
            return updated;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HasMetadata update(JsonNode document) {
        Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
        HasMetadata live = get(type, document.at("/metadata/namespace").asText(null), document.at("/metadata/name").asText());
        if (live == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " " + document.at("/metadata/name").asText());
        }
        // the client's own mapper: stored objects carry timestamps (condition transition times)
        JsonNode stored = client.getKubernetesSerialization().convertValue(live, JsonNode.class);
        JsonNode merged = mergePatch(stored.deepCopy(), document);
        AdmissionEmulator.Verdict verdict;
        try {
            verdict = admission.admit(merged, stored);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (verdict.denial() != null) {
            throw new IllegalStateException("denied: " + verdict.denial());
        }
        return client.resource(client.getKubernetesSerialization().convertValue(verdict.object(), type)).update();
    }

    /** RFC 7386: objects merge recursively, null removes, anything else replaces. */
    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || !target.isObject()) {
            return patch;
        }
        ObjectNode object = (ObjectNode) target;
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                object.remove(field.getKey());
            } else {
                object.set(field.getKey(), object.has(field.getKey())
                        ? mergePatch(object.get(field.getKey()), field.getValue())
                        : field.getValue());
            }
        });
        return object;
    }

    /** Waits until an App Mesh object's {@code <Kind>Active} condition is True, and returns it. */
    public <T extends HasMetadata> T awaitActive(Class<T> type, String namespace, String name, Duration timeout) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            T object = get(type, namespace, name);
            found.set(object);
            return object != null && References.isActive(object);
        });
        return found.get();
    }

    public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        var resources = client.resources(type);
        return namespace == null ? resources.withName(name).get() : resources.inNamespace(namespace).withName(name).get();
    }

    /** Deletes the objects and waits until they are gone (finalizers done). */
    public void deleteAndAwait(Duration timeout, HasMetadata... objects) {
        for (HasMetadata o : objects) {
            client.resource(o).delete();
        }
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (HasMetadata o : objects) {
                if (get(o.getClass(), o.getMetadata().getNamespace(), o.getMetadata().getName()) != null) {
                    return false;
                }
            }
            return true;
        });
    }
}
