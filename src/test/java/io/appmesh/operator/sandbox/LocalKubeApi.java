package io.appmesh.operator.sandbox;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * An in-process Kubernetes API on a free loopback port: the fabric8 test server in CRUD mode, plus the one
 * authorization answer it lacks. Operator processes ({@link LocalOperator}) are pointed at it; several may share one, as
 * replicas share a cluster.
 */
public final class LocalKubeApi implements AutoCloseable {

    private final KubernetesMockServer server;

    private LocalKubeApi(KubernetesMockServer server) {
        this.server = server;
    }

    public static LocalKubeApi start() throws Exception {
        // The test server logs every request at INFO; callers print what matters themselves.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new AuthorizingCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), LocalOperator.freePort());
        return new LocalKubeApi(server);
    }

    public KubernetesClient client() {
        return server.createClient();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /**
     * CRUD storage would file a SelfSubjectRulesReview away and return it without a status. The operator's leader
     * election asks one before taking the Lease (does this identity may get/create/update leases?); a real API server
     * evaluates RBAC. Here every identity is allowed everything, as the generated ClusterRole allows the operator.
     */
    static final class AuthorizingCrudDispatcher extends KubernetesCrudDispatcher {

        @Override
        public MockResponse handleCreate(RecordedRequest request) {
            if (request.getPath().contains("/selfsubjectrulesreviews")) {
                return new MockResponse().setResponseCode(201).setBody("""
                        {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{},
                         "status":{"incomplete":false,"nonResourceRules":[],
                                   "resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}""");
            }
            return super.handleCreate(request);
        }
    }
}
