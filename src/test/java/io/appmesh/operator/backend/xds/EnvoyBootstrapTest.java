package io.appmesh.operator.backend.xds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.testing.CaseFolders;
import io.appmesh.operator.testing.OperatorConfigs;
import io.appmesh.operator.testing.YamlDocuments;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.core.v3.GrpcService.GoogleGrpc;
import io.envoyproxy.envoy.config.grpc_credential.v3.FileBasedMetadataConfig;

/**
 * The files of the {@code appmesh-xds} ConfigMap and the node overlay of the {@code envoy} profile, as golden files:
 * each folder under {@code EnvoyBootstrapTest/} holds {@code in-config.properties} (operator settings) and the
 * expected {@code out-resources.yaml}, {@code out-envoy.yaml} and {@code out-overlay.json} (the overlay of node
 * {@code mesh/global/virtualNode/front_shop}, with the SDS cluster when enable-sds is on and the stats tags with
 * enable-stats-tags). Every output must parse into
 * Envoy's {@code Bootstrap} (unknown fields refused) and pass Envoy's validation rules ({@link PgvChecker}), the
 * overlay merged into the bootstrap as Envoy merges {@code --config-yaml}. {@code -Dxds.golden.update=true} rewrites
 * the expectations, for review.
 */
class EnvoyBootstrapTest {

    static final Path CASES = Path.of("src/test/resources/EnvoyBootstrapTest");
    private static final Set<String> FILES = Set.of("in-config.properties", "out-resources.yaml", "out-envoy.yaml",
            "out-overlay.json");
    private static final boolean UPDATE = Boolean.getBoolean("xds.golden.update");
    private static final String NODE = "mesh/global/virtualNode/front_shop";
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(EnvoyBootstrap.REGISTRY);
    private static final PgvChecker PGV = new PgvChecker(EnvoyBootstrap.REGISTRY);

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return CaseFolders.each(CASES, this::run);
    }

    private void run(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("files of %s", dir).allMatch(FILES::contains);
        }
        OperatorConfig config = OperatorConfigs.fromFile(dir.resolve("in-config.properties"));
        EnvoyBootstrap.Settings settings = EnvoyBootstrap.Settings.of(config);
        Optional<String> sds = config.injection().enableSds()
                ? Optional.of(config.injection().sdsUdsPath())
                : Optional.empty();
        Map<String, String> outputs = Map.of(
                "out-resources.yaml", EnvoyBootstrap.resourcesYaml(settings),
                "out-envoy.yaml", EnvoyBootstrap.envoyYaml(settings),
                "out-overlay.json", EnvoyBootstrap.nodeOverlay(NODE, "v1.31.2-eks-7f9249a", "0.1.0", sds,
                        config.injection().enableStatsTags()) + "\n");
        for (var output : outputs.entrySet()) {
            Path file = dir.resolve(output.getKey());
            if (UPDATE) {
                Files.writeString(file, output.getValue());
            } else {
                assertThat(output.getValue()).as("%s", file).isEqualTo(Files.readString(file));
            }
        }

        Bootstrap resources = parse(outputs.get("out-resources.yaml"));
        assertThat(resources.getAllFields().keySet()).as("resources.yaml only replaces dynamicResources")
                .containsExactly(Bootstrap.getDescriptor().findFieldByName("dynamic_resources"));
        assertValid(resources);

        Bootstrap envoy = parse(outputs.get("out-envoy.yaml"));
        assertThat(envoy.hasNode()).as("the node is per pod").isFalse();
        assertThat(envoy.getDynamicResources()).isEqualTo(resources.getDynamicResources());
        Bootstrap merged = envoy.toBuilder().mergeFrom(parse(outputs.get("out-overlay.json"))).build();
        assertValid(merged);
        assertThat(merged.getNode().getId()).isEqualTo(NODE);
        assertThat(merged.getNode().getCluster()).isEqualTo(NODE);
        assertThat(merged.getNode().getMetadata().getFieldsOrThrow("aws.appmesh.platformInfo").getStructValue()
                .getFieldsOrThrow("k8sPlatformInfo").getStructValue().getFieldsOrThrow("podUid").getStringValue())
                .isEqualTo("$(APPMESH_PLATFORM_K8S_POD_UID)");
        assertThat(merged.getStaticResources().getClustersList().stream().map(c -> c.getName()).toList())
                .isEqualTo(sds.isPresent() ? List.of(EnvoyBootstrap.SDS_CLUSTER) : List.of());

        assertThat(merged.getStatsConfig().getStatsTagsList().stream().map(t -> t.getTagName() + "=" + t.getFixedValue())
                .toList()).isEqualTo(config.injection().enableStatsTags()
                        ? List.of("appmesh.mesh=global", "appmesh.virtual_node=front_shop")
                        : List.of());

        GoogleGrpc grpc = resources.getDynamicResources().getAdsConfig().getGrpcServices(0).getGoogleGrpc();
        assertThat(grpc.getTargetUri()).isEqualTo(config.xds().serviceAddress());
        if (config.xds().tls().enabled()) {
            assertThat(grpc.getChannelCredentials().getSslCredentials().getRootCerts().getFilename())
                    .isEqualTo("/etc/appmesh-xds/ca.crt");
            FileBasedMetadataConfig token = grpc.getCallCredentials(0).getFromPlugin().getTypedConfig()
                    .unpack(FileBasedMetadataConfig.class);
            assertThat(token.getSecretData().getFilename()).isEqualTo("/var/run/secrets/appmesh.k8s.aws/xds/token");
            assertThat(token.getHeaderKey() + ": " + token.getHeaderPrefix()).isEqualTo("authorization: Bearer ");
        } else {
            assertThat(grpc.hasChannelCredentials()).isFalse();
            assertThat(grpc.getCallCredentialsList()).isEmpty();
        }
        assertThat(resources.getDynamicResources().getLdsConfig().getInitialFetchTimeout().getSeconds())
                .isEqualTo(config.injection().xdsInitialFetchTimeout());
    }

    @Test
    void theValidationCatchesABrokenBootstrap() throws IOException {
        // The checks above are only worth something if an invalid bootstrap fails them: no target URI, no stat prefix.
        String broken = EnvoyBootstrap.resourcesYaml(EnvoyBootstrap.Settings.of(OperatorConfigs.from(Map.of())))
                .replace("appmesh-operator.appmesh-system.svc:15010", "");
        assertThat(PGV.violations(parse(broken))).anyMatch(v -> v.contains("target_uri"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        String typo = "dynamicResources:\n  adsConfig:\n    apiType: GRPC\n    setNodeOnFirstMessageOnlyy: true\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(typo))
                .isInstanceOf(InvalidProtocolBufferException.class);
    }

    private static void assertValid(Bootstrap bootstrap) {
        assertThat(PGV.violations(bootstrap)).as("Envoy's validation rules").isEmpty();
    }

    private static Bootstrap parse(String yaml) throws IOException {
        Bootstrap.Builder builder = Bootstrap.newBuilder();
        PARSER.merge(YamlDocuments.parse(yaml).get(0).toString(), builder);
        return builder.build();
    }
}
