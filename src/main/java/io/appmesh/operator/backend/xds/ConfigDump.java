package io.appmesh.operator.backend.xds;

import java.util.Comparator;

import com.google.protobuf.Any;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;

/**
 * What one node receives, in the shape of Envoy's {@code /config_dump} (dynamic resources with their versions), so
 * that the tools App Mesh users point at an Envoy's admin page read it too. Printed through {@link DynamicMessage}s:
 * protobuf's JSON printer would otherwise reach the generated classes by reflection, which a native image does not
 * register for the thousands of Envoy API classes.
 */
final class ConfigDump {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(EnvoyTypes.DUMP_REGISTRY);

    private ConfigDump() {
    }

    static io.envoyproxy.envoy.admin.v3.ConfigDump of(Snapshot snapshot) {
        ClustersConfigDump.Builder clusters = ClustersConfigDump.newBuilder()
                .setVersionInfo(snapshot.clusters().version());
        snapshot.clusters().resources().values().stream().sorted(Comparator.comparing(Cluster::getName))
                .forEach(c -> clusters.addDynamicActiveClusters(ClustersConfigDump.DynamicCluster.newBuilder()
                        .setVersionInfo(snapshot.clusters().version()).setCluster(Any.pack(c))));
        EndpointsConfigDump.Builder endpoints = EndpointsConfigDump.newBuilder();
        snapshot.endpoints().resources().values().stream()
                .sorted(Comparator.comparing(ClusterLoadAssignment::getClusterName))
                .forEach(e -> endpoints.addDynamicEndpointConfigs(EndpointsConfigDump.DynamicEndpointConfig.newBuilder()
                        .setVersionInfo(snapshot.endpoints().version()).setEndpointConfig(Any.pack(e))));
        ListenersConfigDump.Builder listeners = ListenersConfigDump.newBuilder()
                .setVersionInfo(snapshot.listeners().version());
        snapshot.listeners().resources().values().stream().sorted(Comparator.comparing(Listener::getName))
                .forEach(l -> listeners.addDynamicListeners(ListenersConfigDump.DynamicListener.newBuilder()
                        .setName(l.getName()).setActiveState(ListenersConfigDump.DynamicListenerState.newBuilder()
                                .setVersionInfo(snapshot.listeners().version()).setListener(Any.pack(l)))));
        RoutesConfigDump.Builder routes = RoutesConfigDump.newBuilder();
        snapshot.routes().resources().values().stream().sorted(Comparator.comparing(RouteConfiguration::getName))
                .forEach(r -> routes.addDynamicRouteConfigs(RoutesConfigDump.DynamicRouteConfig.newBuilder()
                        .setVersionInfo(snapshot.routes().version()).setRouteConfig(Any.pack(r))));
        // Envoy's order: bootstrap, clusters, endpoints, listeners, routes (no bootstrap here: it is the proxy's own).
        return io.envoyproxy.envoy.admin.v3.ConfigDump.newBuilder().addConfigs(Any.pack(clusters.build()))
                .addConfigs(Any.pack(endpoints.build())).addConfigs(Any.pack(listeners.build()))
                .addConfigs(Any.pack(routes.build())).build();
    }

    static String json(Message message) {
        try {
            return PRINTER.print(DynamicMessage.parseFrom(message.getDescriptorForType(), message.toByteString()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
