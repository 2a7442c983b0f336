package io.tdev.ops.aws;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every adapter call goes through here, named by its IAM action (e.g. {@code ecs:DescribeServices}), so that
 * failures reach the user as one of the engine's error kinds naming the API, and never as an SDK stack trace.
 * The SDK has already retried throttling, 5xx and timeouts (per the client's retry strategy) by the time an
 * exception arrives here, so what is retryable here means "running the command again later may help".
 */
public final class AwsCall {
    private AwsCall() {
    }

    public static <T> T run(String action, Supplier<T> call) {
        return run(action, (AwsResource) null, call);
    }

    /** Like {@link #run(String, Supplier)}; a not-found or access-denied failure names {@code resource}. */
    public static <T> T run(String action, AwsResource resource, Supplier<T> call) {
        return run(action, code -> resource, call);
    }

    /**
     * For calls about several resources (e.g. ECS UpdateService: ClusterNotFoundException names the cluster,
     * ServiceNotFoundException the service): {@code resourceByErrorCode} picks the one AWS's error code is about.
     */
    public static <T> T run(String action, Function<String, AwsResource> resourceByErrorCode, Supplier<T> call) {
        try {
            return call.get();
        } catch (TdevException e) {
            throw e;
        } catch (AwsServiceException e) {
            // the SDK's retry policy has already spent its attempts on what it retries: the engine must not again
            throw spent(AwsErrors.map(action, resourceByErrorCode.apply(AwsErrors.code(e)), e));
        } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
            throw new RemoteFailureException(action, action + " timed out" + attempts(e)
                    + " (apiCallTimeout / apiCallAttemptTimeout); AWS may be slow or unreachable: run again later", true, e)
                    .afterClientRetries();
        } catch (SdkClientException e) {
            throw spent(AwsErrors.client(action, e));
        } catch (SdkException e) {
            throw new RemoteFailureException(action, action + " failed: " + Redact.secrets(e.getMessage()), false, e);
        }
    }

    private static RuntimeException spent(RuntimeException e) {
        return e instanceof RemoteFailureException remote ? remote.afterClientRetries() : e;
    }

    public static void exec(String action, Runnable call) {
        exec(action, (AwsResource) null, call);
    }

    public static void exec(String action, AwsResource resource, Runnable call) {
        exec(action, code -> resource, call);
    }

    public static void exec(String action, Function<String, AwsResource> resourceByErrorCode, Runnable call) {
        run(action, resourceByErrorCode, () -> {
            call.run();
            return null;
        });
    }

    static String attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n != null && n > 1 ? " after " + n + " attempts" : "";
    }

    /** Maps SDK failures to the engine's kinds; messages name the action and, where known, the resource. */
    static final class AwsErrors {
        private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
                "UnauthorizedOperation", "AuthorizationError", "AuthorizationErrorException", "UnauthorizedException",
                "AccessDeniedFault");
        private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
                "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch", "InvalidSignatureException",
                "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId", "RequestExpired");
        /** AWS's own wording: "... is not authorized to perform: ecs:UpdateService on resource: arn:... because ...". */
        private static final Pattern ON_RESOURCE = Pattern.compile("on resource:? *(\\S+?)[.,]?(?:\\s|$)");

        private AwsErrors() {
        }

        static String code(AwsServiceException e) {
            return e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        }

        /** AWS refused the caller's IAM permissions (whatever the service calls it). */
        static boolean accessDenied(AwsServiceException e) {
            String code = code(e);
            return code != null && ACCESS_DENIED.contains(code);
        }

        static RuntimeException map(String action, AwsResource resource, AwsServiceException e) {
            String code = code(e);
            String detail = Redact.secrets(e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : e.getMessage());
            if (e.isThrottlingException()) {
                return new RemoteFailureException(action, action + " was throttled by AWS" + attempts(e)
                        + " (" + code + "); the SDK's retries are exhausted: run again later", true, e);
            }
            if (accessDenied(e)) {
                return new RemoteFailureException(action, "access denied: IAM action " + action + " on "
                        + refusedResource(detail, resource) + " was refused (AWS: " + detail
                        + "); grant it to the caller's role, see `tdev-ops iam-policy`", false, e);
            }
            if (code != null && BAD_CREDENTIALS.contains(code)) {
                return new RemoteFailureException(action, action + ": AWS rejected the credentials (" + code
                        + "): check --profile / --role-arn / the Jenkins AWS credentials and the clock", false, e);
            }
            if (isNotFound(code, e.statusCode())) {
                if (resource != null) {
                    return new PreconditionFailedException(resource.describe() + " was not found (" + action + ": "
                            + code + (detail != null ? ": " + detail : "") + "); " + resource.fixHint());
                }
                return new PreconditionFailedException(action + ": not found: " + code + (detail != null ? ": " + detail : ""));
            }
            boolean serverSide = e.statusCode() >= 500;
            return new RemoteFailureException(action, action + " failed" + (serverSide ? attempts(e) : "") + ": "
                    + (code != null ? code + ": " : "") + detail
                    + (serverSide ? " (AWS server error; run again later)" : ""), serverSide, e);
        }

        static RemoteFailureException client(String action, SdkClientException e) {
            String message = Redact.secrets(e.getMessage());
            if (message != null && message.contains("Unable to load credentials")) {
                return new RemoteFailureException(action, action + ": no AWS credentials found: give --profile or "
                        + "--role-arn, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an "
                        + "instance/task role", false, e);
            }
            return new RemoteFailureException(action, action + " failed" + attempts(e) + ": " + message, true, e);
        }

        static boolean isNotFound(String code, int status) {
            if (code == null) {
                return status == 404;
            }
            return code.endsWith("NotFound") || code.endsWith("NotFoundException") || code.endsWith("NotFoundFault")
                    || code.startsWith("NoSuch") || code.equals("ServiceNotActiveException");
        }

        private static String refusedResource(String detail, AwsResource resource) {
            if (detail != null) {
                Matcher m = ON_RESOURCE.matcher(detail);
                if (m.find()) {
                    return "resource " + m.group(1);
                }
            }
            return resource != null ? resource.describe() : "its resource (AWS did not name it)";
        }
    }

    /** AWS error texts sometimes echo an access key id; it never reaches a message. */
    static final class Redact {
        private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\\b");

        private Redact() {
        }

        static String secrets(String text) {
            return text == null ? null : ACCESS_KEY_ID.matcher(text).replaceAll("$1****");
        }
    }
}
