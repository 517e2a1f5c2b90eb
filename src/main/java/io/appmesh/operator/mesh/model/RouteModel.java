package io.appmesh.operator.mesh.model;

import java.time.Duration;
import java.util.List;

/**
 * A route to weighted target nodes. A virtual node provider gives one route, matching everything, named after the
 * node.
 *
 * @param name the route's name (a virtual router route's name, or the provider node's awsName)
 * @param protocol the route type (http, http2, grpc, tcp)
 * @param priority the route's priority, or null
 * @param match what the route matches (null: everything)
 * @param targets the weighted targets, zero weights included
 * @param retry the retry policy, or null for the backend's default
 * @param perRequest the per-request timeout, or null for the backend's default
 * @param idle the idle timeout, or null for the backend's default
 */
public record RouteModel(String name, Protocol protocol, Long priority, MatchModel match, List<Target> targets,
        RetryModel retry, Duration perRequest, Duration idle) {

    public record Target(TargetModel node, long weight) {
    }

    /**
     * @param maxRetries the number of retries
     * @param perTry the per-retry timeout, or null
     * @param httpEvents App Mesh's http retry events (server-error, gateway-error, client-error, stream-error)
     * @param tcpEvents App Mesh's tcp retry events (connection-error)
     * @param grpcEvents App Mesh's grpc retry events (cancelled, deadline-exceeded, internal, resource-exhausted,
     *        unavailable)
     */
    public record RetryModel(long maxRetries, Duration perTry, List<String> httpEvents, List<String> tcpEvents,
            List<String> grpcEvents) {
    }
}
