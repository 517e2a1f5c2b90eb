package io.appmesh.operator.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

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
        // No bean value when the flag is off: the SDK then runs without a lease.
        return config.enableLeaderElection() ? new LeaderElectionConfiguration(LEASE_NAME, null) : null;
    }
}
