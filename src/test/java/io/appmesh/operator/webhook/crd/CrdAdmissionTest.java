package io.appmesh.operator.webhook.crd;

import java.nio.file.Path;

import io.appmesh.operator.testing.WithLocalKubeApi;
import io.quarkus.test.junit.QuarkusTest;

/** Every CRD defaulting and validation rule, on a cluster of unknown IP family (upstream treats it as IPv4). */
@QuarkusTest
@WithLocalKubeApi
class CrdAdmissionTest extends GoldenAdmissionTest {

    @Override
    Path cases() {
        return Path.of("src/test/resources/CrdAdmissionTest");
    }
}
