package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.function.Supplier;

/**
 * {@link AwsCall} for a call on one named resource. AWS error messages do not always name the resource (S3's
 * "Access Denied", Logs' "The specified log group does not exist."), so a failure message gets the resource
 * appended, and a missing resource is reported by name with the environment config field that set it: the
 * person on call then knows which name to fix.
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
            return AwsCall.run(action, () -> {
                try {
                    return call.get();
                } catch (AwsServiceException e) {
                    if (isMissing(e)) {
                        throw new PreconditionFailedException(action + ": " + kind + " '" + name + "' does not exist ("
                                + errorCode(e) + ")" + (configField != null
                                ? "; check environment config field `" + configField + "`" : ""));
                    }
                    throw e;
                }
            });
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

    /** ResourceNotFoundException, NotFound, DBInstanceNotFound, NoSuchBucket, RepositoryNotFoundException, ... */
    private static boolean isMissing(AwsServiceException e) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        return code != null && (code.contains("NotFound") || code.startsWith("NoSuch"));
    }
}
