package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Supplier;

/**
 * Every adapter call goes through here, named by its IAM action (e.g. {@code ecs:DescribeServices}), so that
 * failures reach the user as one of the engine's error kinds naming the API, and never as an SDK stack trace.
 * The SDK has already retried throttling and 5xx by the time an exception arrives here.
 */
public final class AwsCall {
    private AwsCall() {
    }

    public static <T> T run(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw AwsErrors.map(action, e);
        } catch (SdkClientException e) {
            throw new RemoteFailureException(action, action + " failed: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new RemoteFailureException(action, action + " failed: " + e.getMessage(), false, e);
        }
    }

    public static void exec(String action, Runnable call) {
        run(action, () -> {
            call.run();
            return null;
        });
    }

    /** Maps service errors to the engine's kinds; the message names the action and, for AccessDenied, the refusal. */
    static final class AwsErrors {
        private AwsErrors() {
        }

        static RuntimeException map(String action, AwsServiceException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
            String detail = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            if (e.isThrottlingException()) {
                return new RemoteFailureException(action, action + " was throttled (retries exhausted); run again later", true, e);
            }
            if (code != null && (code.contains("AccessDenied") || code.equals("UnauthorizedOperation"))) {
                return new RemoteFailureException(action, "access denied: IAM action " + action + " was refused: " + detail
                        + " (see `tdev-ops iam-policy`)", false, e);
            }
            if (code != null && (code.contains("NotFound") || code.equals("ClusterNotFoundException")
                    || code.equals("ServiceNotFoundException"))) {
                return new PreconditionFailedException(action + ": " + detail);
            }
            return new RemoteFailureException(action, action + " failed: " + (code != null ? code + ": " : "") + detail,
                    e.statusCode() >= 500, e);
        }
    }
}
