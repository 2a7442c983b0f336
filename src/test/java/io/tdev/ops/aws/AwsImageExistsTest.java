package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.EcrImage;
import io.tdev.ops.model.ImageDetail;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Instant;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.json;
import static io.tdev.ops.aws.AwsWireFixture.jsonError;
import static io.tdev.ops.aws.AwsWireFixture.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy gate's one ECR call on the wire: DescribeImages for one tag or digest (issue 9). */
class AwsImageExistsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String REPO = "t-developer-backend-production";
    private static final String DESCRIBE_IMAGES = "AmazonEC2ContainerRegistry_V20150921.DescribeImages";
    private static final String URI = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/" + REPO + ":2.1.0";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private final AwsImageScans scans = new AwsImageScans(aws.client(EcrClient.builder()));

    private static String found(String tag) {
        return "{\"imageDetails\":[{\"registryId\":\"123456789012\",\"repositoryName\":\"" + REPO + "\","
                + "\"imageDigest\":\"" + DIGEST + "\",\"imageTags\":[\"" + tag + "\"],\"imageSizeInBytes\":187654321,"
                + "\"imagePushedAt\":1764140000.0,\"imageManifestMediaType\":"
                + "\"application/vnd.docker.distribution.manifest.v2+json\"}]}";
    }

    @Test
    void asksForTheOneTagInTheImagesRegistryAndReturnsIt() {
        wm.stubFor(json(DESCRIBE_IMAGES).willReturn(jsonOk(found("2.1.0"))));

        Optional<ImageDetail> image = scans.image(EcrImage.parse("image", URI));

        assertThat(image).get().satisfies(d -> {
            assertThat(d.digest()).isEqualTo(DIGEST);
            assertThat(d.tags()).containsExactly("2.1.0");
            assertThat(d.pushedAt()).isEqualTo(Instant.ofEpochSecond(1764140000));
        });
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.registryId", equalTo("123456789012")))
                .withRequestBody(matchingJsonPath("$.repositoryName", equalTo(REPO)))
                .withRequestBody(matchingJsonPath("$.imageIds[0].imageTag", equalTo("2.1.0"))));
        AwsActionsAssert.sentOnlyDeclared(aws, "ImageScans.image");
    }

    @Test
    void anImageGivenByDigestIsAskedForByDigest() {
        wm.stubFor(json(DESCRIBE_IMAGES).willReturn(jsonOk(found("2.1.0"))));

        assertThat(scans.image(EcrImage.parse("image", URI.replace(":2.1.0", "@" + DIGEST)))).isPresent();

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.imageIds[0].imageDigest", equalTo(DIGEST))));
    }

    @Test
    void imageNotFoundIsNoImage() {
        wm.stubFor(json(DESCRIBE_IMAGES).willReturn(jsonError(400, "ImageNotFoundException",
                "The image with imageId {imageDigest:'null', imageTag:'x'} does not exist within the repository with"
                        + " name '" + REPO + "' in the registry with id '123456789012'")));

        assertThat(scans.image(EcrImage.parse("image", URI.replace(":2.1.0", ":x")))).isEmpty();
    }

    @Test
    void aMissingRepositoryIsAPreconditionNamingIt() {
        wm.stubFor(json(DESCRIBE_IMAGES).willReturn(jsonError(400, "RepositoryNotFoundException",
                "The repository with name 't-developer-backend-prod' does not exist in the registry with id"
                        + " '123456789012'")));

        assertThatThrownBy(() -> scans.image(EcrImage.parse("image", URI.replace(REPO, "t-developer-backend-prod"))))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("ECR repository 't-developer-backend-prod'").hasMessageContaining("not found");
    }

    @Test
    void accessDeniedNamesTheIamAction() {
        String arn = "arn:aws:ecr:eu-west-1:123456789012:repository/" + REPO;
        wm.stubFor(json(DESCRIBE_IMAGES).willReturn(jsonError(400, "AccessDeniedException",
                deniedMessage("ecr:DescribeImages", arn))));

        assertThatThrownBy(() -> scans.image(EcrImage.parse("image", URI)))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.getMessage())
                        .contains("access denied", "ecr:DescribeImages", arn));
    }

    @Test
    void throttledTwiceThenAnswered() {
        aws.faultsThenOk(() -> json(DESCRIBE_IMAGES), 2, jsonError(400, "ThrottlingException", "Rate exceeded"),
                jsonOk(found("2.1.0")));

        assertThat(scans.image(EcrImage.parse("image", URI))).isPresent();
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void anImageOfAnotherRegionsRegistryIsInvalidInputBeforeAnyCall() {
        String tokyo = URI.replace("eu-west-1", "ap-northeast-1");

        assertThatThrownBy(() -> scans.image(EcrImage.parse("image", tokyo)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("image"))
                .hasMessageContaining("ap-northeast-1").hasMessageContaining("eu-west-1");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
