package io.appmesh.operator.backend.xds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.appmesh.operator.backend.Backends;
import io.appmesh.operator.config.OperatorConfig;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.quarkus.vertx.http.ManagementInterface;

/**
 * {@code GET /q/xds/<node id>} on the management port (8080): what the proxies of that virtual node receive, as Envoy
 * config-dump JSON — {@code istioctl proxy-config} for App Mesh users ({@code kubectl port-forward} to reach it). It
 * shows any node's whole configuration, which the xDS channel protects, so it exists only with
 * {@code appmesh.xds.config-dump=true}; otherwise the path answers 404 like any unknown one.
 */
@ApplicationScoped
public class ConfigDumpRoute {

    void register(@Observes ManagementInterface management, OperatorConfig config,
            jakarta.enterprise.inject.Instance<XdsControlPlane> plane) {
        if (!Backends.XDS.equals(config.backend().trim()) || !config.xds().configDump()) {
            return;
        }
        management.router().get("/q/xds/*").handler(context -> {
            String node = context.pathParam("*");
            Snapshot snapshot = plane.get().snapshots().snapshot(node);
            if (snapshot == null) {
                context.response().setStatusCode(404).putHeader("content-type", "text/plain")
                        .end("no configuration for node " + node + "; nodes: " + plane.get().snapshots().groups() + "\n");
                return;
            }
            context.response().putHeader("content-type", "application/json")
                    .end(ConfigDump.json(ConfigDump.of(snapshot)));
        });
    }
}
