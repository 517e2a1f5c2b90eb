package io.appmesh.operator.webhook.pod;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.appmesh.operator.aws.AwsAccount;
import io.appmesh.operator.backend.Backends;
import io.appmesh.operator.config.InjectionConfig;
import io.appmesh.operator.config.OperatorConfig;
import io.appmesh.operator.config.XdsConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Startup;

/**
 * The facts about where the operator runs that go into envoy's environment: region, account, Kubernetes version and
 * the operator's version. Checks the injection settings at start-up, as upstream exits on an impossible combination.
 */
@ApplicationScoped
@Startup
public class InjectionEnvironment {

    private static final Logger LOG = Logger.getLogger(InjectionEnvironment.class);
    static final String UNKNOWN_K8S_VERSION = "UNKNOWN_K8S_VERSION";

    private final OperatorConfig config;
    private final AwsAccount account;
    private final KubernetesClient client;
    private final String operatorVersion;
    private static final long VERSION_RETRY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    private volatile String kubernetesVersion;
    private volatile long lastVersionAttempt;

    public InjectionEnvironment(OperatorConfig config, AwsAccount account, KubernetesClient client,
            @ConfigProperty(name = "quarkus.application.version") String operatorVersion) {
        this.config = config;
        this.account = account;
        this.client = client;
        this.operatorVersion = operatorVersion;
        checkTracers(config.injection());
        checkXdsInjection(config);
    }

    /**
     * The xDS-mode keys: a known Envoy profile, a timeout of at least 0, and nothing only the App Mesh agent could do
     * with the {@code envoy} profile.
     */
    static void checkXdsInjection(OperatorConfig config) {
        if (config.injection().xdsInitialFetchTimeout() < 0) {
            throw new IllegalStateException("appmesh.injection.xds-initial-fetch-timeout="
                    + config.injection().xdsInitialFetchTimeout() + " is negative; 0 waits for ever");
        }
        String profile = config.injection().envoyProfile().trim();
        if (!profile.equals(InjectionContext.AWS_APPMESH_ENVOY_PROFILE) && !profile.equals(InjectionContext.ENVOY_PROFILE)) {
            throw new IllegalStateException("appmesh.injection.envoy-profile=" + profile + " is not a profile; choose "
                    + InjectionContext.AWS_APPMESH_ENVOY_PROFILE + " or " + InjectionContext.ENVOY_PROFILE);
        }
        if (!profile.equals(InjectionContext.ENVOY_PROFILE) || !Backends.XDS.equals(config.backend().trim())) {
            return;
        }
        InjectionConfig c = config.injection();
        // What the App Mesh agent does from envoy's variables; upstream Envoy would silently go without it.
        List<String> agentOnly = new ArrayList<>();
        if (c.waitUntilProxyReady()) {
            agentOnly.add("wait-until-proxy-ready");
        }
        if (c.enableXrayTracing()) {
            agentOnly.add("enable-xray-tracing");
        }
        if (c.enableJaegerTracing()) {
            agentOnly.add("enable-jaeger-tracing");
        }
        if (c.enableDatadogTracing()) {
            agentOnly.add("enable-datadog-tracing");
        }
        if (c.enableStatsd()) {
            agentOnly.add("enable-statsd");
        }
        if (!agentOnly.isEmpty()) {
            throw new IllegalStateException("appmesh.injection." + String.join(", appmesh.injection.", agentOnly)
                    + ": needs the App Mesh agent, which the envoy profile does not have; use the aws-appmesh-envoy"
                    + " profile or turn it off");
        }
    }

    /** The xDS backend's settings with {@code appmesh.backend=xds}, else null (upstream's injection). */
    public XdsConfig xds() {
        return Backends.XDS.equals(config.backend().trim()) ? config.xds() : null;
    }

    /** Upstream refuses to start with more than one tracer. */
    static void checkTracers(InjectionConfig c) {
        List<String> tracers = new ArrayList<>();
        if (c.enableXrayTracing()) {
            tracers.add("x-ray");
        }
        if (c.enableJaegerTracing()) {
            tracers.add("jaeger");
        }
        if (c.enableDatadogTracing()) {
            tracers.add("datadog");
        }
        if (tracers.size() > 1) {
            throw new IllegalStateException(
                    "Envoy only supports a single tracer instance. Please choose between Jaeger, Datadog or X-Ray.");
        }
    }

    public InjectionConfig injection() {
        return config.injection();
    }

    /** appmesh.aws-region, else the AWS SDK's environment variables; empty when unknown. */
    public String region() {
        return config.awsRegion().or(() -> env("AWS_REGION")).or(() -> env("AWS_DEFAULT_REGION")).orElse("");
    }

    /**
     * The operator's account, as the reconcilers know it (upstream's injector gets the same value): appmesh.aws-account-id
     * with a float such as {@code 1.23456789012e+11} repaired, else STS GetCallerIdentity (asked once).
     *
     * @throws IllegalStateException when STS cannot say (upstream does not start then)
     */
    public String accountId() {
        return account.id();
    }

    public String operatorVersion() {
        return operatorVersion;
    }

    /**
     * The API server's gitVersion, read once (upstream reads it at start-up). When it cannot be read the answer is
     * {@code UNKNOWN_K8S_VERSION}, and the API server is asked again at most every five minutes, never per admission.
     */
    public String kubernetesVersion() {
        String version = kubernetesVersion;
        if (version != null) {
            return version;
        }
        long now = System.nanoTime();
        if (now - lastVersionAttempt < VERSION_RETRY_NANOS && lastVersionAttempt != 0) {
            return UNKNOWN_K8S_VERSION;
        }
        lastVersionAttempt = now;
        try {
            version = client.getKubernetesVersion().getGitVersion();
            kubernetesVersion = version;
            return version;
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the Kubernetes version, envoy gets %s: %s", UNKNOWN_K8S_VERSION, e.getMessage());
            return UNKNOWN_K8S_VERSION;
        }
    }

    private static java.util.Optional<String> env(String name) {
        return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }
}
