package io.appmesh.operator.mesh;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGatewaySpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Designates the one VirtualGateway a GatewayRoute attaches to (upstream {@code virtualgateway/membership_designator.go}):
 * a gateway whose namespaceSelector selects the route's namespace (absent selects none) and whose gatewayRouteSelector
 * selects the route's labels (absent selects all).
 */
@ApplicationScoped
public class VirtualGatewayMembership {

    private final ClusterView cluster;

    public VirtualGatewayMembership(ClusterView cluster) {
        this.cluster = cluster;
    }

    /**
     * @param namespace the GatewayRoute's namespace (the admission request's)
     * @param routeName the GatewayRoute's name, for messages
     * @param routeLabels the GatewayRoute's labels
     */
    public VirtualGateway designate(String namespace, String routeName, Map<String, String> routeLabels) {
        Namespace ns;
        List<VirtualGateway> gateways;
        try {
            ns = cluster.namespace(namespace).orElse(null);
            gateways = cluster.virtualGateways();
        } catch (KubernetesClientException e) {
            throw new MembershipException("failed to get namespace: " + namespace + ": " + e.getMessage(), e);
        }
        if (ns == null) {
            throw new MembershipException("failed to get namespace: " + namespace + ": namespaces \"" + namespace
                    + "\" not found");
        }
        List<VirtualGateway> candidates = gateways.stream()
                .filter(vg -> selects(vg.getSpec(), ns.getMetadata().getLabels(), routeLabels))
                // The API server lists in storage-key order (namespace/name); the test server may not.
                .sorted(Comparator.comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getNamespace()))
                        .thenComparing(o -> o.getMetadata().getName()))
                .collect(Collectors.toList());
        if (candidates.isEmpty()) {
            throw new MembershipException("failed to find matching virtualGateway for gatewayRoute: " + routeName
                    + ", expecting 1 but found 0");
        }
        if (candidates.size() > 1) {
            throw new MembershipException("found multiple matching virtualGateways for gatewayRoute: " + routeName
                    + ", expecting 1 but found " + candidates.size() + ": "
                    + candidates.stream().map(vg -> vg.getMetadata().getName()).collect(Collectors.joining(",")));
        }
        return candidates.get(0);
    }

    private static boolean selects(VirtualGatewaySpec spec, Map<String, String> nsLabels, Map<String, String> routeLabels) {
        if (spec == null || spec.getNamespaceSelector() == null) {
            return false;
        }
        if (!LabelSelectors.matches(spec.getNamespaceSelector(), nsLabels)) {
            return false;
        }
        return spec.getGatewayRouteSelector() == null || LabelSelectors.matches(spec.getGatewayRouteSelector(), routeLabels);
    }
}
