package io.tdev.ops.cli;

import io.tdev.ops.aws.AwsSettings;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How to reach AWS (or an AWS-compatible endpoint) when not running with --simulate. */
public final class AwsOptions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

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

    /** The options the user gave, by name, to say which ones do not apply with --simulate. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        if (region != null) given.add("--region");
        if (profile != null) given.add("--profile");
        if (roleArn != null) given.add("--role-arn");
        if (externalId != null) given.add("--external-id");
        if (endpointUrl != null) given.add("--endpoint-url");
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
        return new AwsSettings(effectiveRegion, profile, roleArn, externalId, endpointUrl, null, null, null,
                null, null, null, null);
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
