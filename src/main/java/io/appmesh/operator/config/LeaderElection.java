package io.appmesh.operator.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.Quarkus;

/**
 * Upstream's leader election ({@code --enable-leader-election}): a Lease named
 * {@code appmesh-controller-leader-election} in the operator's namespace, so that of several replicas only one
 * reconciles while every replica serves the webhooks (webhooks do not depend on leadership). The Operator SDK picks this
 * bean up when the flag is on (in the prod profile; tests and the sandbox run one replica).
 */
public class LeaderElection {

    public static final String LEASE_NAME = "appmesh-controller-leader-election";

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(OperatorConfig config) {
        // No bean value when the flag is off: the SDK then runs without a lease. The namespace is the client's (in a
        // pod: the ServiceAccount's).
        if (!config.enableLeaderElection()) {
            return null;
        }
        // A replica that loses the Lease exits (as upstream's manager does) and is restarted as a follower. The SDK's
        // own exit-on-stop calls System.exit from the thread that runs the shutdown hooks when the Lease is released
        // on SIGTERM, which blocks that thread forever: the process would only end at the kubelet's SIGKILL. An
        // asynchronous Quarkus exit does the same on a lost Lease and nothing during a shutdown already under way.
        return new LeaderElectionConfiguration(LEASE_NAME, null, LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, identity(),
                new LeaderCallbacks(() -> {
                }, () -> Quarkus.asyncExit(1), leader -> {
                }), false);
    }

    /**
     * Upstream's identity: host name (the pod name) plus a random suffix, so that a restarted replica is a new
     * candidate and two processes on one host never both believe they hold the lease.
     */
    static String identity() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "appmesh-controller";
            }
        }
        return host + "_" + UUID.randomUUID();
    }
}
