package io.appmesh.operator.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.appmesh.operator.testing.WithLocalKubeApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics on the management port; the webhook port speaks TLS 1.2+ only, as upstream's default. */
@QuarkusTest
@WithLocalKubeApi
class OperabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @ConfigProperty(name = "quarkus.http.ssl.protocols")
    String protocols;

    @Test
    void healthIsUp() {
        given().baseUri("http://" + management.getHost()).port(management.getPort()).when().get("/q/health/live").then()
                .statusCode(200)
                .body(containsString("\"UP\""));
        given().baseUri("http://" + management.getHost()).port(management.getPort()).when().get("/q/health/ready").then()
                .statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        given().baseUri("http://" + management.getHost()).port(management.getPort()).when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("operator_sdk_"));
    }

    @Test
    void webhookServerRefusesTls11() throws Exception {
        assertThat(protocols).isEqualTo("TLSv1.2,TLSv1.3");
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[]{new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        SSLSocketFactory factory = trustAll.getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket(https.getHost(), https.getPort())) {
            socket.setEnabledProtocols(new String[]{"TLSv1.1"});
            org.assertj.core.api.Assertions.assertThatThrownBy(socket::startHandshake)
                    .isInstanceOf(SSLHandshakeException.class);
        }
        try (SSLSocket socket = (SSLSocket) factory.createSocket(https.getHost(), https.getPort())) {
            socket.setEnabledProtocols(new String[]{"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }
}
