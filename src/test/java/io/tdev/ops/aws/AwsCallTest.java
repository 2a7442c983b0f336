package io.tdev.ops.aws;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping of SDK failures the wire tests do not reach (they cover throttling, 5xx, timeouts, access denied). */
class AwsCallTest {
    private static AwsServiceException service(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build())
                .build();
    }

    @Test
    void aMissingResourceNamesItAndTheConfigFieldThatSetIt() {
        AwsResource bucket = AwsResource.of("S3 bucket", "t-developer-projects-production", "bucket");

        assertThatThrownBy(() -> AwsCall.run("s3:ListBucket", bucket, () -> {
            throw service(404, "NoSuchBucket", "The specified bucket does not exist");
        })).isInstanceOf(PreconditionFailedException.class)
                .hasMessage("S3 bucket 't-developer-projects-production' (environment config field bucket) was not found"
                        + " (s3:ListBucket: NoSuchBucket: The specified bucket does not exist); check bucket in the"
                        + " environment config and the region/account you are using");
    }

    @Test
    void theResourceIsPickedByTheErrorCode() {
        AwsResource cluster = AwsResource.of("ECS cluster", "c", "ecs.cluster");
        AwsResource svc = AwsResource.of("ECS service", "c/s", "ecs.service");

        assertThatThrownBy(() -> AwsCall.run("ecs:UpdateService", code -> "ClusterNotFoundException".equals(code) ? cluster : svc, () -> {
            throw service(400, "ClusterNotFoundException", "Cluster not found.");
        })).hasMessageStartingWith("ECS cluster 'c' (environment config field ecs.cluster) was not found");
    }

    @Test
    void anotherClientErrorIsNotRetryableAndKeepsAwsWords() {
        assertThatThrownBy(() -> AwsCall.run("ecs:UpdateService", () -> {
            throw service(400, "InvalidParameterException", "desiredCount must be at least 0");
        })).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.api()).isEqualTo("ecs:UpdateService");
        }).hasMessage("ecs:UpdateService failed: InvalidParameterException: desiredCount must be at least 0");
    }

    @Test
    void noCredentialsAnywhereSaysWhereToPutThem() {
        assertThatThrownBy(() -> AwsCall.run("ecs:DescribeServices", () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        })).isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no AWS credentials found: give --profile or --role-arn");
    }

    @Test
    void anApiCallTimeoutIsRetryable() {
        assertThatThrownBy(() -> AwsCall.run("logs:FilterLogEvents", () -> {
            throw ApiCallTimeoutException.create(Duration.ofSeconds(10).toMillis());
        })).isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("logs:FilterLogEvents timed out");
    }

    @Test
    void theEnginesOwnErrorsPassThroughUnchanged() {
        InvalidInputException invalid = new InvalidInputException("container", "unknown");

        assertThatThrownBy(() -> AwsCall.run("ecs:RegisterTaskDefinition", () -> {
            throw invalid;
        })).isSameAs(invalid);
    }

    @Test
    void accessKeyIdsInAwsTextsAreMasked() {
        assertThatThrownBy(() -> AwsCall.run("sts:GetCallerIdentity", () -> {
            throw service(400, "InvalidParameterValue", "key ASIAJEXAMPLEXEG2JICEA is malformed");
        })).hasMessageContaining("key ASIA**** is malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("JEXAMPLEXEG2JICEA"));
    }
}
