package io.tdev.ops.cli;

import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How to reach AWS (or an AWS-compatible endpoint) when not running with --simulate. */
public final class AwsOptions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final List<String> RETRY_MODES = List.of("standard", "adaptive");
    /** The client factory's limit: more attempts only stretch a failing run. */
    private static final int MAX_ATTEMPTS = 20;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: the config's region, then AWS_REGION / the profile).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from ~/.aws/config.")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Assume this IAM role through STS (credentials refresh by themselves).")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for --role-arn.")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to this endpoint (LocalStack, a proxy, ...).")
    String endpointUrl;

    @Option(names = "--api-call-timeout-seconds", paramLabel = "N",
            description = "Give up on one AWS call, retries included, after N seconds (default: no limit).")
    Integer apiCallTimeoutSeconds;

    @Option(names = "--api-call-attempt-timeout-seconds", paramLabel = "N",
            description = "Abandon (and retry) one HTTP attempt after N seconds (default: no limit).")
    Integer apiCallAttemptTimeoutSeconds;

    @Option(names = "--retry-mode", paramLabel = "MODE",
            description = "standard (default) or adaptive (also slows down client-side after throttling).")
    String retryMode;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Attempts per AWS call including the first, 1.." + MAX_ATTEMPTS + " (default: 3).")
    Integer maxAttempts;

    /** The options the user gave, by name, to say which ones do not apply with --simulate. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        for (Field field : AwsOptions.class.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            try {
                if (option != null && field.get(this) != null) {
                    given.add(option.names()[0]);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("AwsOptions reads its own fields", e);
            }
        }
        return given;
    }

    /** Validated settings; the region falls back to the environment config's. */
    AwsSettings settings(EnvironmentConfig config) {
        String effectiveRegion = region != null ? region : config.region();
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidInputException("--region", "got '" + region + "'; allowed: an AWS region such as eu-west-1");
        }
        if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
            throw new InvalidInputException("--role-arn", "got '" + roleArn
                    + "'; allowed: an IAM role ARN such as arn:aws:iam::123456789012:role/tdev-ops");
        }
        if (externalId != null && roleArn == null) {
            throw new InvalidInputException("--external-id", "only applies with --role-arn");
        }
        if (endpointUrl != null) {
            checkEndpoint(endpointUrl);
        }
        if (retryMode != null && !RETRY_MODES.contains(retryMode)) {
            throw InvalidInputException.notAllowed("--retry-mode", retryMode, RETRY_MODES);
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS)) {
            throw new InvalidInputException("--max-attempts", "got " + maxAttempts + "; allowed: 1.." + MAX_ATTEMPTS
                    + " (attempts including the first; 1 = no retry)");
        }
        Duration callTimeout = seconds("--api-call-timeout-seconds", apiCallTimeoutSeconds);
        Duration attemptTimeout = seconds("--api-call-attempt-timeout-seconds", apiCallAttemptTimeoutSeconds);
        if (callTimeout != null && attemptTimeout != null && attemptTimeout.compareTo(callTimeout) > 0) {
            throw new InvalidInputException("--api-call-attempt-timeout-seconds", "got " + apiCallAttemptTimeoutSeconds
                    + "; allowed: at most --api-call-timeout-seconds (" + apiCallTimeoutSeconds
                    + "), which bounds every attempt");
        }
        return new AwsSettings(effectiveRegion, profile, roleArn, externalId, endpointUrl, null, null, null,
                callTimeout, attemptTimeout, retryMode, maxAttempts);
    }

    private static Duration seconds(String option, Integer seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 1) {
            throw new InvalidInputException(option, "got " + seconds + "; allowed: a whole number of seconds, 1 or more");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void checkEndpoint(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("--endpoint-url", "got '" + url
                        + "'; allowed: an http(s) URL such as http://localhost:4566");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--endpoint-url", "got '" + url + "'; not a URL: " + e.getReason());
        }
    }
}
