package io.appmesh.operator.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.appmesh.operator.testing.aws.Aws;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What the scenario tests of the running operator share ({@code @QuarkusTest}, {@code @WithLocalKubeApi} and an
 * {@code AwsTestEnvironment}, whose arguments differ per test): the cluster's client, manifests applied through the
 * operator's own webhooks, and the AWS side the operator talks to.
 */
public abstract class ScenarioTest {

    @Inject
    protected KubernetesClient client;

    @TestHTTPResource(value = "/", tls = true)
    protected URL webhooks;

    @ConfigProperty(name = "appmesh.aws-endpoint-override")
    protected URI endpoint;

    protected Manifests manifests() {
        try {
            return new Manifests(client, webhooks.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Aws aws() {
        return new Aws(endpoint);
    }
}
