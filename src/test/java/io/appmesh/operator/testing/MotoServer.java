package io.appmesh.operator.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.appmesh.operator.testing.aws.MotoProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * moto ({@code moto_server}, an independent AWS emulator installed on the development and CI machines) on a free
 * loopback port for one test class, with the operator pointed at it ({@code appmesh.aws-endpoint-override}, region,
 * static credentials). Init argument {@code eksCluster=name:ipFamily} creates an EKS cluster first. Fails loudly when
 * moto is missing: tests never skip silently.
 */
public class MotoServer implements QuarkusTestResourceLifecycleManager {

    public static final String REGION = "us-west-2";
    private MotoProcess moto;
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        moto = MotoProcess.start();
        URI endpoint = moto.endpoint();
        // The operator's default credentials chain reads these system properties.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        String cluster = args.get("eksCluster");
        if (cluster != null) {
            String[] nameAndFamily = cluster.split(":");
            try (EksClient eks = EksClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                eks.createCluster(r -> r.name(nameAndFamily[0]).roleArn("arn:aws:iam::123456789012:role/eks")
                        .resourcesVpcConfig(v -> v.subnetIds("subnet-0a1b2c3d"))
                        .kubernetesNetworkConfig(k -> k.ipFamily(nameAndFamily[1])));
            }
        }
        Map<String, String> config = new HashMap<>();
        config.put("appmesh.aws-endpoint-override", endpoint.toString());
        config.put("appmesh.aws-region", REGION);
        // The test profile quiets the reconcilers' retry lines for tests without an AWS side; here they tell a story.
        config.put("quarkus.log.category.\"io.appmesh.operator.reconciler.AppMeshReconciler\".level", "INFO");
        return config;
    }

    @Override
    public void stop() {
        if (moto != null) {
            moto.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
