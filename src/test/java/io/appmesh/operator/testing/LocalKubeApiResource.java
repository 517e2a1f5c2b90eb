package io.appmesh.operator.testing;

import java.util.Map;

import io.appmesh.operator.sandbox.LocalKubeApi;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The test resource behind {@link WithLocalKubeApi}. */
public class LocalKubeApiResource implements QuarkusTestResourceLifecycleManager {

    private LocalKubeApi api;

    @Override
    public Map<String, String> start() {
        try {
            api = LocalKubeApi.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test API server did not start", e);
        }
        // The Kubernetes client reads these as system properties, not through the Quarkus configuration.
        Map<String, String> properties = Map.of(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, api.url(),
                Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY, "true",
                Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false",
                Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false",
                Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY, "test", Config.KUBERNETES_HTTP2_DISABLE, "true");
        properties.forEach(System::setProperty);
        return properties;
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
        System.clearProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY);
    }
}
