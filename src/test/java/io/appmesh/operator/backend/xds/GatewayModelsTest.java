package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.appmesh.operator.api.v1beta2.gatewayroute.GatewayRoute;
import io.appmesh.operator.api.v1beta2.mesh.Mesh;
import io.appmesh.operator.api.v1beta2.virtualgateway.VirtualGateway;
import io.appmesh.operator.mesh.model.GatewayModel;
import io.appmesh.operator.mesh.model.GatewayModels;
import io.appmesh.operator.mesh.model.Protocol;

/**
 * {@link GatewayModels} on objects as the golden cases read them (here, so that it can use their reader): which
 * GatewayRoutes attach, what is left out, rewrites, pools and order.
 */
class GatewayModelsTest {

    private static final String YAML = """
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: Mesh
            metadata: {name: m, uid: m-uid}
            spec: {awsName: m}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualGateway
            metadata: {name: gw, namespace: a}
            spec:
              awsName: gw_a
              meshRef: {name: m, uid: m-uid}
              listeners:
              - portMapping: {port: 8088, protocol: http}
                connectionPool: {http: {maxConnections: 3, maxPendingRequests: 4}, grpc: {maxRequests: 9}}
              - portMapping: {port: 7000, protocol: grpc}
                connectionPool: {grpc: {maxRequests: 9}}
              logging: {accessLog: {file: {path: /dev/stdout}}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: VirtualService
            metadata: {name: s, namespace: a}
            spec: {awsName: s.a.svc.cluster.local, meshRef: {name: m, uid: m-uid}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: mine, namespace: a}
            spec:
              awsName: mine_a
              virtualGatewayRef: {name: gw}
              httpRoute:
                match: {prefix: /short}
                action:
                  target: {virtualService: {virtualServiceRef: {name: s}}}
                  rewrite: {prefix: {defaultPrefix: DISABLED}, hostname: {defaultTargetHostname: DISABLED}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: longer, namespace: b}
            spec:
              awsName: longer_b
              virtualGatewayRef: {name: gw, namespace: a}
              httpRoute:
                match: {prefix: /longer}
                action: {target: {virtualService: {virtualServiceRef: {name: s, namespace: a}}, port: 8080}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: by-arn, namespace: a}
            spec:
              awsName: by-arn_a
              priority: 5
              virtualGatewayRef: {name: gw}
              grpcRoute:
                match: {serviceName: pkg.Svc, hostname: {suffix: .example.com}}
                action:
                  target:
                    virtualService:
                      virtualServiceARN: arn:aws:appmesh:us-west-2:123456789012:mesh/m/virtualService/ext.example
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: missing-service, namespace: a}
            spec:
              awsName: missing-service_a
              virtualGatewayRef: {name: gw}
              httpRoute:
                match: {prefix: /}
                action: {target: {virtualService: {virtualServiceRef: {name: nope}}}}
            ---
            apiVersion: appmesh.k8s.aws/v1beta2
            kind: GatewayRoute
            metadata: {name: other-gateway, namespace: a}
            spec:
              awsName: other-gateway_a
              virtualGatewayRef: {name: other}
              httpRoute:
                match: {prefix: /}
                action: {target: {virtualService: {virtualServiceRef: {name: s}}}}
            """;

    @Test
    void build(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("in.yaml"), YAML);
        XdsTranslatorTest.Cluster cluster = new XdsTranslatorTest.Cluster();
        cluster.read(dir.resolve("in.yaml"));
        VirtualGateway gw = cluster.get(VirtualGateway.class, "a", "gw").orElseThrow();
        GatewayModel model = new GatewayModels(cluster, cluster::endpoints).build(gw,
                cluster.get(Mesh.class, null, "m").orElseThrow(), cluster.all(GatewayRoute.class));

        assertThat(model.mesh()).isEqualTo("m");
        assertThat(model.gateway()).isEqualTo("gw_a");
        assertThat(model.accessLog().path()).isEqualTo("/dev/stdout");
        // each listener takes its own protocol's pool
        assertThat(model.listeners()).extracting(GatewayModel.Listener::protocol).containsExactly(Protocol.HTTP,
                Protocol.GRPC);
        assertThat(model.listeners().get(0).pool().maxConnections()).isEqualTo(3);
        assertThat(model.listeners().get(0).pool().maxRequests()).isNull();
        assertThat(model.listeners().get(1).pool().maxRequests()).isEqualTo(9);
        // a route of another gateway and one whose service does not resolve are left out; priority first, then the
        // longer prefix; a route in another namespace attaches through an explicit namespace
        assertThat(model.routes()).extracting(GatewayModel.Route::name).containsExactly("by-arn_a", "longer_b",
                "mine_a");
        GatewayModel.Route arn = model.routes().get(0);
        assertThat(arn.service()).isEqualTo("ext.example");
        assertThat(arn.hostnameSuffix()).isEqualTo(".example.com");
        assertThat(arn.match().grpcService()).isEqualTo("pkg.Svc");
        assertThat(arn.rewrite().defaultHostname()).isTrue();
        assertThat(model.routes().get(1).servicePort()).isEqualTo(8080);
        assertThat(model.routes().get(1).rewrite()).isEqualTo(GatewayModel.Rewrite.DEFAULT);
        assertThat(model.routes().get(2).rewrite()).isEqualTo(new GatewayModel.Rewrite(false, null, null, false));
        // the services the routes target, an ARN-only one without ports (404 on the egress hop)
        assertThat(model.backends()).extracting(b -> b.name()).containsExactly("ext.example", "s.a.svc.cluster.local");
        assertThat(model.backends().get(0).ports()).isEmpty();
    }
}
