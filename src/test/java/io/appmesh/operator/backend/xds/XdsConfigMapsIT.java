package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.testing.Manifests;
import io.appmesh.operator.testing.ScenarioTest;
import io.appmesh.operator.testing.WithLocalKubeApi;
import io.appmesh.operator.testing.XdsTestEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator with {@code appmesh.backend=xds} keeps the {@code appmesh-xds} ConfigMap in every namespace with a
 * VirtualNode or VirtualGateway: created, put back after a delete and after an edit (also one that removed its labels),
 * rewritten when the CA changes, and a pod injected there references it; someone else's ConfigMap of that name is left
 * alone and reported. Its CA file is a copy of the build's webhook CA ({@code target/certs/webhook-ca.crt}, what
 * {@code %test} configures) made before the operator starts, so that the test can change and remove it.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = XdsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "appmesh.xds.tls.ca-file", value = XdsConfigMapsIT.CA_FILE))
@QuarkusTestResource(value = XdsConfigMapsIT.CopyCa.class, restrictToAnnotatedClass = true)
class XdsConfigMapsIT extends ScenarioTest {

    static final String CA_FILE = "target/xds-configmaps-it/ca.crt";
    /** The CA the build's webhook certificate is issued by, and the serving certificate (both from smallrye-certs). */
    static final Path WEBHOOK_CA = Path.of("target/certs/webhook-ca.crt");
    static final Path WEBHOOK_CERT = Path.of("target/certs/webhook.crt");
    private static final Duration KEPT = Duration.ofSeconds(30);
    private static final String NAME = EnvoyBootstrap.CONFIG_MAP;

    @Inject
    OperatorConfig config;

    @Inject
    XdsConfigMaps keeper;

    /** Puts the webhook CA where the operator under test reads its CA, before it starts. */
    public static class CopyCa implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                Files.createDirectories(Path.of(CA_FILE).getParent());
                Files.copy(WEBHOOK_CA, Path.of(CA_FILE), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void keepsTheConfigMapOfAMeshedNamespace() throws Exception {
        Manifests manifests = manifests();
        // A namespace of the mesh, labelled for injection, holding a VirtualService but no VirtualNode or VirtualGateway:
        // it has no pod to inject, and must get no ConfigMap.
        manifests.apply(Manifests.namespaceAndMesh("cm") + "---\n" + """
                apiVersion: v1
                kind: Namespace
                metadata: {name: cm-plain, labels: {mesh: cm, appmesh.k8s.aws/sidecarInjectorWebhook: enabled}}
                ---
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: plain, namespace: cm-plain}
                spec: {awsName: plain.cm-plain.svc.cluster.local}
                """);
        manifests.apply(node("cm", "front"));
        EnvoyBootstrap.Settings settings = EnvoyBootstrap.Settings.of(config);

        ConfigMap created = await().atMost(KEPT).until(() -> configMap("cm"), cm -> cm != null);
        assertThat(created.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "appmesh-operator")
                .containsEntry("appmesh.k8s.aws/xds-bootstrap", "true");
        assertThat(created.getMetadata().getAnnotations()).containsEntry(XdsConfigMaps.CREATED_BY, "appmesh-operator");
        // The CA file's content as it is, not as the operator's code would pick it.
        assertThat(created.getData().get(EnvoyBootstrap.CA_KEY)).isEqualTo(Files.readString(WEBHOOK_CA));
        assertThat(created.getData()).isEqualTo(EnvoyBootstrap.configMapData(settings, Files.readString(WEBHOOK_CA)));

        client.configMaps().inNamespace("cm").withName(NAME).delete();
        ConfigMap recreated = await().atMost(KEPT).until(() -> configMap("cm"),
                cm -> cm != null && !cm.getMetadata().getUid().equals(created.getMetadata().getUid()));
        assertThat(recreated.getData()).isEqualTo(created.getData());

        client.configMaps().inNamespace("cm").withName(NAME).edit(cm -> new ConfigMapBuilder(cm)
                .addToData(EnvoyBootstrap.RESOURCES_KEY, "dynamicResources: {}\n").build());
        await().atMost(KEPT).until(() -> configMap("cm").getData().equals(created.getData()));

        // An edit that drops the operator's labels hides the object from the operator's labelled watch: still put back
        // (the operator recognises what it created by its annotation and UID).
        client.configMaps().inNamespace("cm").withName(NAME).edit(cm -> new ConfigMapBuilder(cm).editMetadata()
                .withLabels(Map.of()).endMetadata().addToData(EnvoyBootstrap.CA_KEY, "").build());
        await().atMost(KEPT).until(() -> {
            ConfigMap cm = configMap("cm");
            return cm.getData().equals(created.getData())
                    && "true".equals(cm.getMetadata().getLabels().get("appmesh.k8s.aws/xds-bootstrap"));
        });

        // A new CA (cert-manager rotated it, or ca.crt appeared in the Secret) reaches the ConfigMap.
        String newCa = "-----BEGIN CERTIFICATE-----\nTUlJQm5ld0NB\n-----END CERTIFICATE-----\n";
        try {
            Files.writeString(Path.of(CA_FILE), newCa);
            await().atMost(KEPT).until(() -> newCa.equals(configMap("cm").getData().get(EnvoyBootstrap.CA_KEY)));
            // Without a CA file the serving certificate's last certificate is the CA: the build's is a single one.
            Files.delete(Path.of(CA_FILE));
            String serving = Files.readString(WEBHOOK_CERT);
            assertThat(serving.split("-----BEGIN CERTIFICATE-----", -1)).as("one certificate in %s", WEBHOOK_CERT)
                    .hasSize(2);
            await().atMost(KEPT).until(() -> (serving.strip() + "\n")
                    .equals(configMap("cm").getData().get(EnvoyBootstrap.CA_KEY)));
        } finally {
            Files.deleteIfExists(Path.of(CA_FILE));
        }
        assertThat(configMap("cm").getData().get(EnvoyBootstrap.RESOURCES_KEY))
                .isEqualTo(EnvoyBootstrap.resourcesYaml(settings));

        // Checked last, after the keeper has handled every event above (they all came after cm-plain's objects).
        assertThat(keeper.namespaces()).contains("cm").doesNotContain("cm-plain");
        assertThat(configMap("cm-plain")).isNull();
    }

    @Test
    void someoneElsesConfigMapOfThatNameIsLeftAloneAndReported() {
        Manifests manifests = manifests();
        manifests.apply(namespace("cm-foreign"));
        ConfigMap theirs = client.configMaps().inNamespace("cm-foreign").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(NAME).withNamespace("cm-foreign").endMetadata().addToData("owner", "someone-else").build())
                .create();
        manifests.apply("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: cm-foreign}
                spec: {namespaceSelector: {matchLabels: {mesh: cm-foreign}}}
                """);
        manifests.apply(node("cm-foreign", "front"));

        Event warning = await().atMost(KEPT).until(() -> client.v1().events().inNamespace("cm-foreign").list()
                .getItems().stream().filter(e -> XdsConfigMaps.NOT_OWNED.equals(e.getReason())).findFirst()
                .orElse(null), e -> e != null);
        assertThat(warning.getType()).isEqualTo("Warning");
        assertThat(warning.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
        assertThat(warning.getInvolvedObject().getName()).isEqualTo(NAME);
        assertThat(warning.getInvolvedObject().getUid()).isEqualTo(theirs.getMetadata().getUid());
        assertThat(warning.getMessage()).contains("will not get a valid channel");
        ConfigMap after = configMap("cm-foreign");
        assertThat(after.getData()).isEqualTo(Map.of("owner", "someone-else"));
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(theirs.getMetadata().getResourceVersion());

        // Once the name is free the operator creates its own (its deletion is not watched: looked at again).
        client.configMaps().inNamespace("cm-foreign").withName(NAME).delete();
        ConfigMap ours = await().atMost(KEPT).until(() -> configMap("cm-foreign"),
                cm -> cm != null && "true".equals(cm.getMetadata().getLabels().get("appmesh.k8s.aws/xds-bootstrap")));
        assertThat(ours.getData()).containsKey(EnvoyBootstrap.CA_KEY);
        assertThat(client.v1().events().inNamespace("cm-foreign").list().getItems().stream()
                .filter(e -> XdsConfigMaps.NOT_OWNED.equals(e.getReason()))).as("reported once").hasSize(1);
    }

    @Test
    void anInjectedPodMountsTheConfigMapOfItsNamespace() {
        Manifests manifests = manifests();
        manifests.apply(namespace("cm-pods") + "---\n" + """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: Mesh
                metadata: {name: cm-pods}
                spec: {namespaceSelector: {matchLabels: {mesh: cm-pods}}}
                ---
                """ + node("cm-pods", "front"));

        Pod pod = (Pod) manifests.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: front-1, namespace: cm-pods, labels: {app: front}}
                spec:
                  automountServiceAccountToken: false
                  containers: [{name: app, image: example/front:1.0}]
                """).get(0);

        Map<String, Volume> volumes = new HashMap<>();
        pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
        assertThat(volumes.get("appmesh-xds-config").getConfigMap().getName()).isEqualTo(NAME);
        assertThat(volumes.get("appmesh-xds-token").getProjected().getSources().get(0).getServiceAccountToken()
                .getAudience()).isEqualTo(config.xds().tokenAudience());
        await().atMost(KEPT).until(() -> configMap("cm-pods") != null);
    }

    private ConfigMap configMap(String namespace) {
        return client.configMaps().inNamespace(namespace).withName(NAME).get();
    }

    private static String namespace(String name) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s, labels: {mesh: %1$s, appmesh.k8s.aws/sidecarInjectorWebhook: enabled}}
                """.formatted(name);
    }

    private static String node(String namespace, String name) {
        return """
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualNode
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  podSelector: {matchLabels: {app: %2$s}}
                  listeners: [{portMapping: {port: 8080, protocol: http}}]
                  serviceDiscovery: {dns: {hostname: %2$s.%1$s.svc.cluster.local}}
                """.formatted(namespace, name);
    }
}
