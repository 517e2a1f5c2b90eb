package io.appmesh.operator.backend.aws;

import java.util.function.Supplier;

import io.appmesh.operator.backend.BackendException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs one AWS SDK call and turns its failure into a {@link BackendException}: the AWS error code as reason, the
 * operation and AWS's message as message, and whether it was transient (throttled, 5xx, unreachable) after the SDK's
 * retries. Shared by the App Mesh and Cloud Map backends.
 */
public final class AwsCalls {

    private AwsCalls() {
    }

    public static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode()
                    : "HTTP" + e.statusCode();
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage()
                    : e.getMessage();
            boolean transientFailure = e.isThrottlingException() || e.statusCode() >= 500;
            throw new BackendException(code, operation + ": " + code + ": " + message, e, transientFailure);
        } catch (SdkClientException e) {
            throw new BackendException("AwsApiUnreachable", operation + ": " + e.getMessage(), e, true);
        }
    }
}
