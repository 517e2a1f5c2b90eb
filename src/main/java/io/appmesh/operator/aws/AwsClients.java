package io.appmesh.operator.aws;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.appmesh.operator.config.OperatorConfig;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appmesh.AppMeshClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the AWS SDK v2 clients the operator uses, all alike: region from {@code appmesh.aws-region} (else the SDK's
 * default region chain), the default credentials chain, the URL-connection HTTP client (small, native-image friendly),
 * {@code appmesh.aws-endpoint-override} for emulators, FIPS endpoints with {@code use-aws-fips-endpoint}, and the
 * {@code appmesh.k8s.aws/<version>} user agent of upstream, its client-side rate limits ({@link AwsApiThrottle}, on
 * every client, App Mesh included) and its AWS API metrics ({@link AwsApiMetrics}).
 * <p>
 * The App Mesh and Cloud Map clients retry throttling, 5xx answers and attempts slower than
 * {@code appmesh.aws-api-attempt-timeout} up to 3 times with exponential backoff (upstream's SDK retryer); they are
 * built once and shared.
 */
@ApplicationScoped
public class AwsClients {

    private final OperatorConfig config;
    private final String userAgent;
    private final AwsApiMetrics metrics;
    private final AwsApiThrottle throttle;
    private AppMeshClient appMesh;
    private ServiceDiscoveryClient serviceDiscovery;

    /** Bound of one call including its retries, so that a reconcile never hangs on AWS. */
    private static final Duration RECONCILE_CALL_TIMEOUT = Duration.ofMinutes(2);

    public AwsClients(OperatorConfig config,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.version") String version,
            AwsApiMetrics metrics, AwsApiThrottle throttle) {
        this.config = config;
        this.userAgent = "appmesh.k8s.aws/" + version;
        this.metrics = metrics;
        this.throttle = throttle;
    }

    /** The App Mesh client; dual-stack endpoint with {@code use-aws-dual-stack-endpoint} (App Mesh only, as upstream). */
    public synchronized AppMeshClient appMesh() {
        if (appMesh == null) {
            appMesh = configure(AppMeshClient.builder(), RECONCILE_CALL_TIMEOUT).fipsEnabled(config.useAwsFipsEndpoint())
                    .dualstackEnabled(config.useAwsDualStackEndpoint()).build();
        }
        return appMesh;
    }

    /** The Cloud Map client. */
    public synchronized ServiceDiscoveryClient serviceDiscovery() {
        if (serviceDiscovery == null) {
            serviceDiscovery = configure(ServiceDiscoveryClient.builder(), RECONCILE_CALL_TIMEOUT)
                    .fipsEnabled(config.useAwsFipsEndpoint()).build();
        }
        return serviceDiscovery;
    }

    /** An STS client (the operator's account id). */
    public StsClient sts(Duration timeout) {
        return configure(StsClient.builder(), timeout).fipsEnabled(config.useAwsFipsEndpoint()).build();
    }

    /** An EKS client whose calls give up after {@code timeout}: upstream only asks EKS for optional facts. */
    public EksClient eks(Duration timeout) {
        return configure(EksClient.builder(), timeout).fipsEnabled(config.useAwsFipsEndpoint()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Duration timeout) {
        config.awsRegion().ifPresent(region -> builder.region(Region.of(region)));
        config.awsEndpointOverride().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .apiCallAttemptTimeout(config.awsApiAttemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(4).build())
                .addExecutionInterceptor(throttle)
                .addExecutionInterceptor(metrics)
                .putAdvancedOption(software.amazon.awssdk.core.client.config.SdkAdvancedClientOption.USER_AGENT_SUFFIX,
                        userAgent)
                .build());
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }
}
