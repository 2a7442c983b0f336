package io.tdev.ops.port.contract;

import io.tdev.ops.model.ImageDetail;
import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.Severity;
import io.tdev.ops.port.ImageScans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ImageScans} adapter does. The world: the backend repository holds one image per revision,
 * tagged {@code 2.0.35} .. {@code 2.0.42}, each scanned on push (hours ago) with {@link #FINDINGS}, and maybe builds
 * pushed since that no revision runs yet.
 */
public abstract class ImageScansContract {
    protected static final String REPOSITORY = ContractWorld.CONFIG.repository();
    protected static final String TAG = "2.0.42";
    protected static final String UNSCANNED_TAG = "2.0.40";
    protected static final Map<Severity, Integer> FINDINGS = Map.of(Severity.MEDIUM, 2, Severity.LOW, 5, Severity.INFORMATIONAL, 3);

    protected abstract ImageScans imageScans();

    /** The repository, its images and their scans as described above. */
    protected abstract void givenScannedImages();

    /** {@code tag} is an image of the repository that ECR has no scan of until one is started. */
    protected abstract void givenNeverScanned(String tag);

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    @BeforeEach
    void arrange() {
        givenScannedImages();
    }

    @Test
    void findingsOfAScannedImageAreCountedBySeverity() {
        ImageScanFindings f = imageScans().findings(REPOSITORY, TAG);

        assertThat(f.status()).isEqualTo("COMPLETE");
        assertThat(f.counts()).containsExactlyInAnyOrderEntriesOf(FINDINGS);
        assertThat(f.completedAt()).isNotNull();
    }

    @Test
    void everyImageNewestPushFirstFromEveryPage() {
        assertThat(imageScans().images(REPOSITORY)).extracting(i -> i.tags().get(0))
                .containsSubsequence(IntStream.iterate(42, r -> r >= 35, r -> r - 1).mapToObj(r -> "2.0." + r).toList());
        assertThat(imageScans().images(REPOSITORY)).allSatisfy(i -> {
            assertThat(i.digest()).startsWith("sha256:");
            assertThat(i.sizeBytes()).isPositive();
        }).extracting(ImageDetail::pushedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /** ECR's ScanNotFoundException for an image with no scan is a fact the caller acts on, not a failure. */
    @Test
    void anImageNeverScannedSaysSoAndAStartedScanRuns() {
        givenNeverScanned(UNSCANNED_TAG);

        ImageScanFindings before = imageScans().findings(REPOSITORY, UNSCANNED_TAG);
        imageScans().startScan(REPOSITORY, UNSCANNED_TAG);
        ImageScanFindings after = imageScans().findings(REPOSITORY, UNSCANNED_TAG);

        assertThat(before.neverScanned()).isTrue();
        assertThat(before.counts()).isEmpty();
        assertThat(after.neverScanned()).isFalse();
        assertThat(after.status()).isIn("IN_PROGRESS", "COMPLETE");
    }

    @Test
    void anUnknownRepositoryIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> imageScans().images("t-developer-gone"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("t-developer-gone");
    }

    /** ECR allows one basic scan of an image a day: a second start leaves the earlier scan's findings standing. */
    @Test
    void aSecondScanTheSameDayKeepsTheEarlierFindings() {
        imageScans().startScan(REPOSITORY, TAG);

        assertThat(imageScans().findings(REPOSITORY, TAG).counts()).containsExactlyInAnyOrderEntriesOf(FINDINGS);
    }

    @Test
    void aDeniedReadNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "ecr:DescribeImageScanFindings");

        ContractWorld.assertDenied(() -> imageScans().findings(REPOSITORY, TAG), "ecr:DescribeImageScanFindings");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "ecr:DescribeImageScanFindings");

        ContractWorld.assertThrottled(() -> imageScans().findings(REPOSITORY, TAG), "ecr:DescribeImageScanFindings");
    }
}
