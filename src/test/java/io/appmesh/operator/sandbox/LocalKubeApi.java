package io.appmesh.operator.sandbox;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * An in-process Kubernetes API on a free loopback port: the fabric8 test server in CRUD mode, made as strict as a real
 * API server where the operator depends on it ({@link StrictCrudDispatcher}). Every test that needs a cluster uses it:
 * the {@code @QuarkusTest} scenarios through {@code @WithLocalKubeApi}, the process tests and the {@code make run}
 * sandbox directly. Operator processes ({@link LocalOperator}) are pointed at it; several may share one, as replicas
 * share a cluster.
 */
public final class LocalKubeApi implements AutoCloseable {

    private final KubernetesMockServer server;
    private final StrictCrudDispatcher dispatcher;

    private LocalKubeApi(KubernetesMockServer server, StrictCrudDispatcher dispatcher) {
        this.server = server;
        this.dispatcher = dispatcher;
    }

    public static LocalKubeApi start() throws Exception {
        // The test server logs every request at INFO; callers print what matters themselves.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        StrictCrudDispatcher dispatcher = new StrictCrudDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), LocalOperator.freePort());
        return new LocalKubeApi(server, dispatcher);
    }

    public KubernetesClient client() {
        return server.createClient();
    }

    /** While set, every request is answered 503 Service Unavailable (a starting or overloaded API server). */
    public void unavailable(boolean unavailable) {
        dispatcher.unavailable(unavailable);
    }

    /**
     * TokenReviews this server answered so far, and the time it spent answering them in nanoseconds (the request body
     * read, the token verified, the pod looked up, the answer built; not the HTTP transport).
     */
    public long[] tokenReviews() {
        return dispatcher.tokenReviews();
    }

    /** Holds every TokenReview's answer back this long from now on (a real API server's latency); zero: none. */
    public void tokenReviewDelay(java.time.Duration delay) {
        dispatcher.tokenReviewDelay(delay);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
