package io.appmesh.operator.backend.xds;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;

/** Small protobuf helpers shared by the translators. */
final class Protos {

    private Protos() {
    }

    static Duration duration(java.time.Duration d) {
        return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    static UInt32Value uint32(long value) {
        return UInt32Value.of(Math.toIntExact(value));
    }

    static Any any(Message message) {
        return Any.pack(message);
    }

    static Address address(String ip, int port) {
        return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress(ip).setPortValue(port))
                .build();
    }

    /**
     * App Mesh's stats tag metadata ({@code aws.appmesh.aggregate_stats: {tags: [{key, value}]}}), which its stats
     * extension and dashboards group by.
     */
    static Metadata aggregateStats(String key, String value) {
        Struct tag = Struct.newBuilder().putFields("key", Value.newBuilder().setStringValue(key).build())
                .putFields("value", Value.newBuilder().setStringValue(value).build()).build();
        Struct tags = Struct.newBuilder().putFields("tags", Value.newBuilder()
                .setListValue(ListValue.newBuilder().addValues(Value.newBuilder().setStructValue(tag))).build()).build();
        return Metadata.newBuilder().putFilterMetadata("aws.appmesh.aggregate_stats", tags).build();
    }

    /** Everything comes over the one ADS stream (v3). */
    static ConfigSource ads() {
        return ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
                .setResourceApiVersion(ApiVersion.V3).build();
    }
}
