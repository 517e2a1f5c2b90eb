package io.appmesh.operator.aws;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Upstream's AWS API metrics (subsystem {@code aws}, upstream's metric names), as an SDK interceptor on every client
 * {@link AwsClients} builds. Per logical call (after retries): {@code aws_api_calls_total}, {@code
 * aws_api_call_duration_seconds}, {@code aws_api_call_retries}; per HTTP attempt: {@code aws_api_requests_total},
 * {@code aws_api_request_duration_seconds}. Labels {@code service}, {@code operation}, and on the counters
 * {@code status_code} (HTTP status, {@code "0"} without a response) and {@code error_code} (the AWS error code,
 * {@code internal} for a failure that is not an AWS error, empty on success).
 */
@ApplicationScoped
public class AwsApiMetrics implements ExecutionInterceptor {

    // The SDK wants attribute names unique per JVM; the class may be loaded once per application start (tests restart
    // the application in one JVM), so the names carry the loading class's identity.
    private static final String SCOPE = "appmesh." + Integer.toHexString(System.identityHashCode(AwsApiMetrics.class));
    private static final ExecutionAttribute<Long> CALL_START = new ExecutionAttribute<>(SCOPE + ".callStart");
    private static final ExecutionAttribute<Long> ATTEMPT_START = new ExecutionAttribute<>(SCOPE + ".attemptStart");
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>(SCOPE + ".attempts");
    /** Retries 0..10 (Micrometer needs positive boundaries, so "no retry" is the 0.5 bucket). */
    private static final double[] RETRY_BUCKETS = IntStream.rangeClosed(0, 10).mapToDouble(i -> i == 0 ? 0.5 : i).toArray();
    private static final Logger LOG = Logger.getLogger(AwsApiMetrics.class);

    private final MeterRegistry registry;

    public AwsApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALL_START, System.nanoTime());
        attributes.putAttribute(ATTEMPTS, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        // A previous attempt still open got no response (connection refused, timeout): count it now.
        if (attributes.getAttribute(ATTEMPT_START) != null) {
            recordAttempt(attributes, "0", "internal");
        }
        attributes.putAttribute(ATTEMPT_START, System.nanoTime());
        attributes.putAttribute(ATTEMPTS, attributes.getAttribute(ATTEMPTS) + 1);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        String errorCode = status / 100 == 2
                ? ""
                : context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").map(t -> t.split(":")[0]).orElse("");
        recordAttempt(attributes, Integer.toString(status), errorCode);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        recordCall(attributes, Integer.toString(context.httpResponse().statusCode()), "");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
            recordCall(attributes, Integer.toString(aws.statusCode()), code == null ? "" : code);
            return;
        }
        // No AWS answer (connection refused, timeout): the attempt that never got a response is counted here too.
        if (attributes.getAttribute(ATTEMPT_START) != null && context.httpResponse().isEmpty()) {
            recordAttempt(attributes, "0", "internal");
        }
        recordCall(attributes, "0", "internal");
    }

    private void recordAttempt(ExecutionAttributes attributes, String status, String errorCode) {
        guarded(() -> attempt(attributes, status, errorCode));
    }

    private void recordCall(ExecutionAttributes attributes, String status, String errorCode) {
        guarded(() -> call(attributes, status, errorCode));
    }

    /** Metrics must never fail the AWS call they describe. */
    private static void guarded(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            LOG.debugf(e, "AWS API metric not recorded");
        }
    }

    private void attempt(ExecutionAttributes attributes, String status, String errorCode) {
        Long start = attributes.getAttribute(ATTEMPT_START);
        String service = service(attributes);
        String operation = operation(attributes);
        Counter.builder("aws_api_requests").description("Total number of HTTP requests to AWS APIs")
                .tags("service", service, "operation", operation, "status_code", status, "error_code", errorCode)
                .register(registry).increment();
        if (start != null) {
            Timer.builder("aws_api_request_duration").description("Latency of HTTP requests to AWS APIs")
                    .tags("service", service, "operation", operation).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
            attributes.putAttribute(ATTEMPT_START, null);
        }
    }

    private void call(ExecutionAttributes attributes, String status, String errorCode) {
        String service = service(attributes);
        String operation = operation(attributes);
        Counter.builder("aws_api_calls").description("Total number of SDK API calls to AWS APIs")
                .tags("service", service, "operation", operation, "status_code", status, "error_code", errorCode)
                .register(registry).increment();
        Long start = attributes.getAttribute(CALL_START);
        if (start != null) {
            Timer.builder("aws_api_call_duration").description("Latency of SDK API calls to AWS APIs, retries included")
                    .tags("service", service, "operation", operation).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
        Integer attempts = attributes.getAttribute(ATTEMPTS);
        DistributionSummary.builder("aws_api_call_retries").description("Number of retries of SDK API calls to AWS APIs")
                .tags("service", service, "operation", operation).serviceLevelObjectives(RETRY_BUCKETS)
                .register(registry).record(attempts == null || attempts == 0 ? 0 : attempts - 1);
    }

    /**
     * Upstream labels with aws-sdk-go's service ID (the API model's serviceId); SDK v2 names services by client class.
     * Dashboards built on the original keep working with the model's names.
     */
    private static final Map<String, String> SERVICE_IDS = Map.of("Eks", "EKS", "AppMesh", "App Mesh", "ServiceDiscovery",
            "ServiceDiscovery", "Sts", "STS");

    private static String service(ExecutionAttributes attributes) {
        return serviceId(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }

    /** The API model's service ID for an SDK v2 service name. */
    static String serviceId(String sdkServiceName) {
        return sdkServiceName == null ? "" : SERVICE_IDS.getOrDefault(sdkServiceName, sdkServiceName);
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "" : name;
    }
}
