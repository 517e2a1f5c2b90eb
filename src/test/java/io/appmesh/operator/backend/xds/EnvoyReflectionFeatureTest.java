package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.RoutingPriority;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/**
 * The classes the native image registers for the Envoy API's reflective field accessors: every packed type with its
 * builder, and one level of field types (messages and enums, nested ones included) — each resolved to its class, so
 * that the image build cannot fail on a name.
 */
class EnvoyReflectionFeatureTest {

    @Test
    void packedTypesTheirBuildersAndTheirFieldTypes() {
        Set<Class<?>> classes = EnvoyReflectionFeature.classes();
        assertThat(classes).contains(Router.class, Router.Builder.class, BoolValue.class, Cluster.class,
                Cluster.Builder.class, Cluster.DiscoveryType.class, Cluster.LbPolicy.class, Duration.class,
                HttpConnectionManager.CodecType.class, io.envoyproxy.envoy.admin.v3.ConfigDump.Builder.class);
        assertThat(classes).doesNotContain(RoutingPriority.class);
        for (var descriptor : EnvoyTypes.PACKED) {
            assertThat(classes).contains(EnvoyReflectionFeature.javaClass(descriptor));
        }
        // Bounded: the api jar has thousands of classes; this stays a few hundred.
        assertThat(classes.size()).isBetween(40, 400);
    }
}
