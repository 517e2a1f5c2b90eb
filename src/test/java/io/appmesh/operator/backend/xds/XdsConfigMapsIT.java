package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
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
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator with {@code appmesh.backend=xds} keeps the {@code appmesh-xds} ConfigMap in every namespace with a
 * VirtualNode or VirtualGateway: created, put back after a delete and after an edit, rewritten when the CA changes,
 * and a pod injected there references it. Its CA file does not exist at start, so the CA is the last certificate of
 * the serving certificate file until the test writes one.
 */
@QuarkusTest
@WithLocalKubeApi
@QuarkusTestResource(value = XdsTestEnvironment.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "appmesh.xds.tls.ca-file", value = XdsConfigMapsIT.CA_FILE))
class XdsConfigMapsIT extends ScenarioTest {

    static final String CA_FILE = "target/xds-configmaps-it/ca.crt";
    private static final Duration KEPT = Duration.ofSeconds(30);
    private static final String NAME = EnvoyBootstrap.CONFIG_MAP;

    @Inject
    OperatorConfig config;

    @Test
    void keepsTheConfigMapOfAMeshedNamespace() throws Exception {
        Manifests manifests = manifests();
        manifests.apply(namespace("cm-plain"));
        manifests.apply(Manifests.namespaceAndMesh("cm") + "---\n" + node("cm", "front"));
        EnvoyBootstrap.Settings settings = EnvoyBootstrap.Settings.of(config);
        String servingRoot = ChannelCa.lastCertificate(Files.readString(Path.of(config.xds().tls().certFile())))
                .orElseThrow();

        ConfigMap created = await().atMost(KEPT).until(() -> configMap("cm"), cm -> cm != null);
        assertThat(created.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "appmesh-operator")
                .containsEntry("appmesh.k8s.aws/xds-bootstrap", "true");
        assertThat(created.getData()).isEqualTo(EnvoyBootstrap.configMapData(settings, servingRoot));
        // A namespace without VirtualNodes or VirtualGateways has no pod to inject, and gets none.
        assertThat(configMap("cm-plain")).isNull();

        client.configMaps().inNamespace("cm").withName(NAME).delete();
        ConfigMap recreated = await().atMost(KEPT).until(() -> configMap("cm"),
                cm -> cm != null && !cm.getMetadata().getUid().equals(created.getMetadata().getUid()));
        assertThat(recreated.getData()).isEqualTo(created.getData());

        client.configMaps().inNamespace("cm").withName(NAME).edit(cm -> new ConfigMapBuilder(cm)
                .addToData(EnvoyBootstrap.RESOURCES_KEY, "dynamicResources: {}\n").build());
        await().atMost(KEPT).until(() -> configMap("cm").getData().equals(created.getData()));

        // An edit that drops the operator's labels hides the object from the operator's labelled watch: still put back.
        client.configMaps().inNamespace("cm").withName(NAME).edit(cm -> new ConfigMapBuilder(cm).editMetadata()
                .withLabels(Map.of()).endMetadata().addToData(EnvoyBootstrap.CA_KEY, "").build());
        await().atMost(KEPT).until(() -> {
            ConfigMap cm = configMap("cm");
            return cm.getData().equals(created.getData())
                    && "true".equals(cm.getMetadata().getLabels().get("appmesh.k8s.aws/xds-bootstrap"));
        });

        // A new CA (cert-manager rotated it, or ca.crt appeared in the Secret) reaches the ConfigMap.
        String newCa = "-----BEGIN CERTIFICATE-----\nTUlJQm5ld0NB\n-----END CERTIFICATE-----\n";
        Files.createDirectories(Path.of(CA_FILE).getParent());
        Files.writeString(Path.of(CA_FILE), newCa);
        try {
            await().atMost(KEPT).until(() -> newCa.equals(configMap("cm").getData().get(EnvoyBootstrap.CA_KEY)));
        } finally {
            Files.delete(Path.of(CA_FILE));
        }
        assertThat(configMap("cm").getData().get(EnvoyBootstrap.RESOURCES_KEY))
                .isEqualTo(EnvoyBootstrap.resourcesYaml(settings));
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
