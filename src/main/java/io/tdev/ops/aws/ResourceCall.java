package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;

import java.util.function.Supplier;

/**
 * {@link AwsCall} for a call on one named resource. AWS error messages do not always name the resource (S3's
 * "Access Denied", Logs' "The specified log group does not exist."), so a failure message gets the resource
 * appended, and a missing resource also names the environment config field that set it: the person on call
 * then knows which name to fix.
 */
final class ResourceCall {
    private ResourceCall() {
    }

    /**
     * @param kind        what the resource is, for people: {@code log group}
     * @param name        its name or ARN
     * @param configField the environment config field that named it, or null when it came from an argument
     */
    static <T> T run(String action, String kind, String name, String configField, Supplier<T> call) {
        String resource = kind + " '" + name + "'";
        try {
            return AwsCall.run(action, call);
        } catch (PreconditionFailedException e) {
            throw new PreconditionFailedException(e.getMessage() + " (" + resource
                    + (configField != null ? ", set by environment config field `" + configField + "`" : "") + ")");
        } catch (RemoteFailureException e) {
            if (e.getMessage() != null && e.getMessage().contains(name)) {
                throw e;
            }
            throw new RemoteFailureException(e.api(), e.getMessage() + " (" + resource + ")", e.retryable(), e.getCause());
        }
    }

    static void exec(String action, String kind, String name, String configField, Runnable call) {
        run(action, kind, name, configField, () -> {
            call.run();
            return null;
        });
    }
}
