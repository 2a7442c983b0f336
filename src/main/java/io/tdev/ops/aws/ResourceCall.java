package io.tdev.ops.aws;

import io.tdev.ops.model.RemoteFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.function.Supplier;

/**
 * {@link AwsCall} for a call on one named resource ({@link AwsResource}): a missing one is reported by name with
 * the environment config field that set it, and since AWS error messages do not always name the resource
 * (S3's "Access Denied", a 5xx), any other failure gets it appended: the person on call knows what failed.
 */
final class ResourceCall {
    private ResourceCall() {
    }

    /**
     * @param kind        what the resource is, for people: {@code log group}
     * @param name        its name or ARN
     * @param configField the environment config field that usually names it, or null when it came from elsewhere
     */
    static <T> T run(String action, String kind, String name, String configField, Supplier<T> call) {
        try {
            return AwsCall.run(action, AwsResource.of(kind, name, configField), call);
        } catch (RemoteFailureException e) {
            if (e.getMessage() != null && e.getMessage().contains(name)) {
                throw e;
            }
            throw new RemoteFailureException(e.api(), e.getMessage() + " (" + kind + " '" + name + "')", e.retryable(),
                    e.getCause());
        }
    }

    static void exec(String action, String kind, String name, String configField, Runnable call) {
        run(action, kind, name, configField, () -> {
            call.run();
            return null;
        });
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "HTTP " + e.statusCode();
    }
}
