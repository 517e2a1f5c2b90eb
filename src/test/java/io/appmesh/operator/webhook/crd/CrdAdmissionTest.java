package io.appmesh.operator.webhook.crd;

import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** Every CRD defaulting and validation rule, on a cluster of unknown IP family (upstream treats it as IPv4). */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class CrdAdmissionTest extends GoldenAdmissionTest {

    @Override
    Path cases() {
        return Path.of("src/test/resources/CrdAdmissionTest");
    }
}
