package io.appmesh.operator.backend.xds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import io.appmesh.operator.config.OperatorConfig;
import io.envoyproxy.envoy.config.accesslog.v3.AccessLog;
import io.envoyproxy.envoy.config.bootstrap.v3.Admin;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.bootstrap.v3.LayeredRuntime;
import io.envoyproxy.envoy.config.bootstrap.v3.RuntimeLayer;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.GrpcService.GoogleGrpc;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.grpc_credential.v3.FileBasedMetadataConfig;
import io.envoyproxy.envoy.config.metrics.v3.StatsConfig;
import io.envoyproxy.envoy.config.metrics.v3.TagSpecifier;
import io.envoyproxy.envoy.extensions.access_loggers.file.v3.FileAccessLog;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * What an injected Envoy needs to reach this operator's ADS server, as text (pure; golden-tested): the keys of the
 * {@code appmesh-xds} ConfigMap every meshed namespace holds, and the per-pod node overlay of the {@code envoy} profile.
 * <ul>
 * <li>{@code resources.yaml} — for the App Mesh image ({@code ENVOY_RESOURCES_CONFIG_FILE}): its agent still generates
 * the bootstrap (node, metadata with the pod UID, admin, runtime, stats tags, tracing, the SDS cluster), and replaces
 * the generated {@code dynamicResources} by this file's, so Envoy asks this operator instead of App Mesh.</li>
 * <li>{@code envoy.yaml} — for upstream Envoy: a whole bootstrap without {@code node} (the node is per pod and comes
 * from {@code --config-yaml}, see {@link #nodeOverlay}).</li>
 * </ul>
 * The channel is {@code google_grpc}, not {@code envoy_grpc}: only Google's gRPC client takes call credentials, and the
 * projected ServiceAccount token has to travel as {@code authorization: Bearer <token>} on every stream. Its
 * {@code file_based_metadata} plugin reads the token file when it builds a request's metadata, so the kubelet's refresh
 * of the token reaches the next stream without a restart. Without TLS no credentials are configured: gRPC refuses to
 * send call credentials over a plaintext channel.
 */
public final class EnvoyBootstrap {

    /** The ConfigMap the operator keeps in every namespace with a VirtualNode or VirtualGateway. */
    public static final String CONFIG_MAP = "appmesh-xds";
    public static final String CA_KEY = "ca.crt";
    public static final String RESOURCES_KEY = "resources.yaml";
    public static final String ENVOY_KEY = "envoy.yaml";
    /** Where the ConfigMap is mounted into envoy. */
    public static final String CONFIG_DIR = "/etc/appmesh-xds";
    /** Where the projected ServiceAccount token is mounted into envoy, and its file name there. */
    public static final String TOKEN_DIR = "/var/run/secrets/appmesh.k8s.aws/xds";
    public static final String TOKEN_FILE = "token";
    /** The env variable the webhook sets from the downward API; the kubelet expands it in envoy's command. */
    public static final String POD_UID_REFERENCE = "$(APPMESH_PLATFORM_K8S_POD_UID)";
    /** The static cluster SDS configurations name (App Mesh's name, which the agent gives it too). */
    public static final String SDS_CLUSTER = "static_cluster_sds_unix_socket";

    static final String CREDENTIALS_PLUGIN = "envoy.grpc_credentials.file_based_metadata";

    /** The Any types inside what this class emits: to print it, and to parse it back in tests. */
    public static final TypeRegistry REGISTRY = TypeRegistry.newBuilder().add(FileBasedMetadataConfig.getDescriptor())
            .add(FileAccessLog.getDescriptor()).add(HttpProtocolOptions.getDescriptor()).build();

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(REGISTRY).sortingMapKeys();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    /**
     * The operator-wide settings the files depend on.
     *
     * @param serviceAddress host:port of the ADS server as the pods reach it
     * @param tls whether the ADS port speaks TLS (then the CA and the token are used)
     * @param initialFetchTimeoutSeconds Envoy's initial_fetch_timeout for listeners and clusters (0: wait for ever)
     * @param adminPort Envoy's admin port (upstream Envoy only; the agent configures its own)
     * @param adminAccessLog the admin access log file; empty for none
     */
    public record Settings(String serviceAddress, boolean tls, int initialFetchTimeoutSeconds, int adminPort,
            Optional<String> adminAccessLog) {

        public static Settings of(OperatorConfig config) {
            return new Settings(config.xds().serviceAddress(), config.xds().tls().enabled(),
                    config.injection().xdsInitialFetchTimeout(), config.injection().envoyAdminAccessPort(),
                    config.injection().envoyAdminAccessLogFile().filter(f -> !f.isBlank()));
        }
    }

    private EnvoyBootstrap() {
    }

    /** The ConfigMap's data, keys sorted. */
    public static Map<String, String> configMapData(Settings settings, String caPem) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CA_KEY, caPem);
        data.put(ENVOY_KEY, envoyYaml(settings));
        data.put(RESOURCES_KEY, resourcesYaml(settings));
        return data;
    }

    /** {@code ENVOY_RESOURCES_CONFIG_FILE} for the App Mesh image: only {@code dynamicResources}. */
    public static String resourcesYaml(Settings settings) {
        Bootstrap resources = Bootstrap.newBuilder().setDynamicResources(dynamicResources(settings)).build();
        return "# appmesh-operator: replaces the App Mesh agent's dynamicResources (ADS at App Mesh) by this operator's ADS\n"
                + yaml(resources);
    }

    /** The bootstrap of upstream Envoy, less the node. */
    public static String envoyYaml(Settings settings) {
        Admin.Builder admin = Admin.newBuilder().setAddress(Address.newBuilder()
                .setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(settings.adminPort())));
        settings.adminAccessLog().ifPresent(path -> admin.addAccessLog(AccessLog.newBuilder()
                .setName("envoy.access_loggers.file")
                .setTypedConfig(pack(FileAccessLog.getDescriptor(), FileAccessLog.newBuilder().setPath(path).build()))));
        Bootstrap bootstrap = Bootstrap.newBuilder()
                .setAdmin(admin)
                .setDynamicResources(dynamicResources(settings))
                .setLayeredRuntime(runtime())
                .build();
        return "# appmesh-operator: bootstrap of upstream Envoy; the node comes from --config-yaml\n" + yaml(bootstrap);
    }

    /**
     * The per-pod part of upstream Envoy's bootstrap, for {@code --config-yaml} (Envoy merges it into the file's):
     * node id and cluster (the APPMESH_RESOURCE_ARN value the agent would announce), the agent's platform metadata with
     * the pod UID as a {@code $(…)} reference the kubelet expands, the SDS cluster when the pod gets the socket, and the
     * agent's fixed stats tags with enable-stats-tags.
     */
    public static String nodeOverlay(String nodeId, String kubernetesVersion, String operatorVersion,
            Optional<String> sdsSocketPath, boolean statsTags) {
        Struct k8s = Struct.newBuilder()
                .putFields("k8sVersion", string(kubernetesVersion))
                .putFields("podUid", string(POD_UID_REFERENCE))
                .putFields("appMeshControllerVersion", string(operatorVersion))
                .build();
        Struct platform = Struct.newBuilder()
                .putFields("k8sPlatformInfo", Value.newBuilder().setStructValue(k8s).build()).build();
        Bootstrap.Builder overlay = Bootstrap.newBuilder().setNode(Node.newBuilder().setId(nodeId).setCluster(nodeId)
                .setMetadata(Struct.newBuilder()
                        .putFields("aws.appmesh.platformInfo", Value.newBuilder().setStructValue(platform).build())));
        sdsSocketPath.ifPresent(path -> overlay.getStaticResourcesBuilder().addClusters(sdsCluster(path)));
        if (statsTags) {
            overlay.setStatsConfig(statsTags(nodeId));
        }
        return json(overlay.build());
    }

    /**
     * enable-stats-tags: the two fixed tags the App Mesh agent adds from the node id {@code mesh/<mesh>/<type>/<name>}
     * ({@code appmesh.mesh} and {@code appmesh.virtual_node} or {@code appmesh.virtual_gateway}); not its
     * listener/route regex tags.
     */
    static StatsConfig statsTags(String nodeId) {
        String[] parts = nodeId.split("/");
        String type = parts[2].replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        return StatsConfig.newBuilder()
                .addStatsTags(TagSpecifier.newBuilder().setTagName("appmesh.mesh").setFixedValue(parts[1]))
                .addStatsTags(TagSpecifier.newBuilder().setTagName("appmesh." + type).setFixedValue(parts[3]))
                .build();
    }

    static Bootstrap.DynamicResources dynamicResources(Settings settings) {
        GoogleGrpc.Builder grpc = GoogleGrpc.newBuilder()
                .setTargetUri(settings.serviceAddress())
                .setStatPrefix("ads")
                // The App Mesh agent's keep-alive: a ping every 10 s, which the server permits (docs/xds.md).
                .setChannelArgs(GoogleGrpc.ChannelArgs.newBuilder()
                        .putArgs("grpc.http2.max_pings_without_data", intArg(0))
                        .putArgs("grpc.keepalive_time_ms", intArg(10_000))
                        .putArgs("grpc.keepalive_timeout_ms", intArg(20_000)));
        if (settings.tls()) {
            grpc.setChannelCredentials(GoogleGrpc.ChannelCredentials.newBuilder()
                    .setSslCredentials(GoogleGrpc.SslCredentials.newBuilder()
                            .setRootCerts(DataSource.newBuilder().setFilename(CONFIG_DIR + "/" + CA_KEY))))
                    // The factory that turns the plugin below into per-call metadata on top of the SSL credentials.
                    .setCredentialsFactoryName(CREDENTIALS_PLUGIN)
                    .addCallCredentials(GoogleGrpc.CallCredentials.newBuilder()
                            .setFromPlugin(GoogleGrpc.CallCredentials.MetadataCredentialsFromPlugin.newBuilder()
                                    .setName(CREDENTIALS_PLUGIN)
                                    .setTypedConfig(pack(FileBasedMetadataConfig.getDescriptor(), FileBasedMetadataConfig
                                            .newBuilder()
                                            .setSecretData(DataSource.newBuilder().setFilename(TOKEN_DIR + "/" + TOKEN_FILE))
                                            .setHeaderKey("authorization")
                                            .setHeaderPrefix("Bearer ")
                                            .build()))));
        }
        ConfigSource ads = ConfigSource.newBuilder()
                .setAds(AggregatedConfigSource.getDefaultInstance())
                .setResourceApiVersion(ApiVersion.V3)
                .setInitialFetchTimeout(Duration.newBuilder().setSeconds(settings.initialFetchTimeoutSeconds()))
                .build();
        return Bootstrap.DynamicResources.newBuilder()
                .setAdsConfig(ApiConfigSource.newBuilder()
                        .setApiType(ApiConfigSource.ApiType.GRPC)
                        .setTransportApiVersion(ApiVersion.V3)
                        // The server carries a stream's node onto its later requests (docs/xds.md).
                        .setSetNodeOnFirstMessageOnly(true)
                        .addGrpcServices(GrpcService.newBuilder().setGoogleGrpc(grpc)))
                .setLdsConfig(ads)
                .setCdsConfig(ads)
                .build();
    }

    /**
     * The App Mesh agent's runtime: its static layer with the agent's defaults (deprecated fields accepted, RE2 programs
     * up to 1000, typed configs required for extensions, …) and an admin layer, so upstream Envoy behaves as the App
     * Mesh image does on the same resources.
     */
    static LayeredRuntime runtime() {
        Struct staticLayer = Struct.newBuilder()
                .putFields("envoy.features.enable_all_deprecated_features", bool(true))
                .putFields("envoy.reloadable_features.http_set_tracing_decision_in_request_id", bool(true))
                .putFields("envoy.reloadable_features.no_extension_lookup_by_name", bool(true))
                .putFields("envoy.reloadable_features.sanitize_original_path", bool(true))
                .putFields("envoy.reloadable_features.tcp_pool_idle_timeout", bool(true))
                .putFields("re2.max_program_size.error_level", Value.newBuilder().setNumberValue(1000).build())
                .build();
        return LayeredRuntime.newBuilder()
                .addLayers(RuntimeLayer.newBuilder().setName("static_layer_0").setStaticLayer(staticLayer))
                .addLayers(RuntimeLayer.newBuilder().setName("admin_layer")
                        .setAdminLayer(RuntimeLayer.AdminLayer.getDefaultInstance()))
                .build();
    }

    /** The SPIRE agent's socket as a cluster, as the App Mesh agent adds it when APPMESH_SDS_SOCKET_PATH is set. */
    static Cluster sdsCluster(String socketPath) {
        HttpProtocolOptions http2 = HttpProtocolOptions.newBuilder()
                .setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                        .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
                .build();
        return Cluster.newBuilder()
                .setName(SDS_CLUSTER)
                .setConnectTimeout(Duration.newBuilder().setSeconds(1))
                .setType(Cluster.DiscoveryType.STATIC)
                .putTypedExtensionProtocolOptions("envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                        pack(HttpProtocolOptions.getDescriptor(), http2))
                .setLoadAssignment(ClusterLoadAssignment.newBuilder().setClusterName(SDS_CLUSTER)
                        .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
                                .setEndpoint(Endpoint.newBuilder().setAddress(Address.newBuilder()
                                        .setPipe(Pipe.newBuilder().setPath(socketPath)))))))
                .build();
    }

    private static GoogleGrpc.ChannelArgs.Value intArg(long value) {
        return GoogleGrpc.ChannelArgs.Value.newBuilder().setIntValue(value).build();
    }

    private static Value string(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value bool(boolean value) {
        return Value.newBuilder().setBoolValue(value).build();
    }

    /**
     * An Any without {@code Any.pack}: packing asks the message for its descriptor, which the api jar's gencode answers
     * through reflection the native image has not registered for these types (EnvoyReflectionFeature).
     */
    private static Any pack(Descriptor type, Message message) {
        return Any.newBuilder().setTypeUrl("type.googleapis.com/" + type.getFullName()).setValue(message.toByteString())
                .build();
    }

    /** The bootstrap as a DynamicMessage, which JSON printing walks without the gencode's reflective accessors. */
    private static Message dynamic(Bootstrap bootstrap) {
        try {
            return DynamicMessage.parseFrom(Bootstrap.getDescriptor(), bootstrap.toByteString());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a bootstrap that does not parse back", e);
        }
    }

    private static String json(Bootstrap bootstrap) {
        Message message = dynamic(bootstrap);
        try {
            return PRINTER.omittingInsignificantWhitespace().print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a type packed into the bootstrap is missing from EnvoyBootstrap.REGISTRY", e);
        }
    }

    private static String yaml(Bootstrap bootstrap) {
        try {
            JsonNode tree = JSON.readTree(PRINTER.print(dynamic(bootstrap)));
            String yaml = YAML.asYaml(tree);
            return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot render the bootstrap as YAML", e);
        }
    }
}
