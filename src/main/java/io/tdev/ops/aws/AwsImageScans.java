package io.tdev.ops.aws;

import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.Severity;
import io.tdev.ops.port.ImageScans;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link ImageScans} on ECR. {@link #findings} polls DescribeImageScanFindings while the scan is IN_PROGRESS or
 * PENDING, for at most the polling timeout, then returns the findings, still IN_PROGRESS if the scan outlasted
 * the wait, so the caller decides. (It polls by itself rather than through the SDK's ImageScanComplete waiter:
 * that waiter only knows COMPLETE and FAILED, and with enhanced scanning, whose status is ACTIVE, it would spin
 * to its limit.) Counts come from findingSeverityCounts, or, when enhanced (Inspector) scanning leaves that
 * empty, from counting the enhanced findings of every page.
 * <p>
 * {@code new AwsImageScans(client)} looks once and does not wait: the pre-deploy checklist polls
 * {@link #findings} itself, on its own (injected) time, timeout and progress; a caller without such a loop
 * passes a {@link Polling} to have the adapter wait.
 */
public final class AwsImageScans implements ImageScans {
    private static final Set<String> RUNNING = Set.of("IN_PROGRESS", "PENDING");

    private final EcrClient client;
    private final Polling polling;

    public AwsImageScans(EcrClient client) {
        this(client, Polling.of(Duration.ZERO));
    }

    public AwsImageScans(EcrClient client, Polling polling) {
        this.client = client;
        this.polling = polling;
    }

    @Override
    public void startScan(String repository, String imageTag) {
        ResourceCall.run("ecr:StartImageScan", "image", repository + ":" + imageTag, "repository", () -> {
            try {
                return client.startImageScan(r -> r.repositoryName(repository).imageId(i -> i.imageTag(imageTag)));
            } catch (LimitExceededException e) {
                // Basic scanning allows one scan per image a day: the image was scanned already, its findings stand.
                polling.progress().report("ECR: " + repository + ":" + imageTag + " was scanned within the last day; using that scan");
                return null;
            }
        });
    }

    @Override
    public java.util.List<io.tdev.ops.model.ImageDetail> images(String repository) {
        return ResourceCall.run("ecr:DescribeImages", "repository", repository, "repository",
                () -> client.describeImagesPaginator(r -> r.repositoryName(repository)).imageDetails().stream()
                        .map(d -> new io.tdev.ops.model.ImageDetail(d.imageDigest(), d.imageTags(), d.imagePushedAt(),
                                d.imageSizeInBytes() == null ? 0L : d.imageSizeInBytes()))
                        .sorted(java.util.Comparator.comparing(io.tdev.ops.model.ImageDetail::pushedAt,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                        .toList());
    }

    /**
     * DescribeImages with one imageId (the tag, or the digest) in the image's registry. ECR answers an unknown tag
     * with ImageNotFoundException (empty here); a missing repository stays a failure that names it.
     */
    @Override
    public java.util.Optional<io.tdev.ops.model.ImageDetail> image(io.tdev.ops.model.EcrImage image) {
        String here = client.serviceClientConfiguration().region().id();
        if (!here.equals(image.region())) {
            throw image.inOtherRegion("image", here);
        }
        software.amazon.awssdk.services.ecr.model.ImageIdentifier id = image.tag() != null
                ? software.amazon.awssdk.services.ecr.model.ImageIdentifier.builder().imageTag(image.tag()).build()
                : software.amazon.awssdk.services.ecr.model.ImageIdentifier.builder().imageDigest(image.digest()).build();
        return ResourceCall.run("ecr:DescribeImages", "ECR repository", image.repository(), null, () -> {
            try {
                return client.describeImages(r -> r.registryId(image.registryId()).repositoryName(image.repository())
                                .imageIds(id)).imageDetails().stream().findFirst()
                        .map(d -> new io.tdev.ops.model.ImageDetail(d.imageDigest(), d.imageTags(), d.imagePushedAt(),
                                d.imageSizeInBytes() == null ? 0L : d.imageSizeInBytes()));
            } catch (software.amazon.awssdk.services.ecr.model.ImageNotFoundException e) {
                return java.util.Optional.empty();
            }
        });
    }

    @Override
    public ImageScanFindings findings(String repository, String imageTag) {
        String image = repository + ":" + imageTag;
        DescribeImageScanFindingsRequest request = DescribeImageScanFindingsRequest.builder()
                .repositoryName(repository).imageId(i -> i.imageTag(imageTag)).build();
        Polling.Wait wait = polling.start("the ECR scan of " + image, "ecr:DescribeImageScanFindings");
        while (true) {
            DescribeImageScanFindingsResponse first = describe(image, request);
            if (first == null) {
                return ImageScanFindings.notScanned(repository, imageTag);
            }
            String status = first.imageScanStatus() != null ? first.imageScanStatus().statusAsString() : "UNKNOWN";
            if (!RUNNING.contains(status) || wait.timedOut()) {
                return toFindings(repository, imageTag, status, first, request);
            }
            wait.pause(status);
        }
    }

    private DescribeImageScanFindingsResponse describe(String image, DescribeImageScanFindingsRequest request) {
        return ResourceCall.run("ecr:DescribeImageScanFindings", "image scan of", image, "repository",
                () -> {
                    try {
                        return client.describeImageScanFindings(request);
                    } catch (ScanNotFoundException e) {
                        return null; // never scanned: a fact the caller acts on (it may start the first scan)
                    }
                });
    }

    private ImageScanFindings toFindings(String repository, String imageTag, String status,
                                         DescribeImageScanFindingsResponse first, DescribeImageScanFindingsRequest request) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        var findings = first.imageScanFindings();
        if (findings != null && !findings.findingSeverityCountsAsStrings().isEmpty()) {
            findings.findingSeverityCountsAsStrings().forEach((severity, n) -> counts.merge(severity(severity), n, Integer::sum));
        } else if (findings != null) {
            DescribeImageScanFindingsResponse page = first;
            while (true) {
                for (EnhancedImageScanFinding f : page.imageScanFindings().enhancedFindings()) {
                    counts.merge(severity(f.severity()), 1, Integer::sum);
                }
                String token = page.nextToken();
                if (token == null || page.imageScanFindings() == null) {
                    break;
                }
                page = describe(repository + ":" + imageTag, request.toBuilder().nextToken(token).build());
                if (page.imageScanFindings() == null) {
                    break;
                }
            }
        }
        polling.progress().report("ECR scan of " + repository + ":" + imageTag + ": " + status + " " + counts);
        return new ImageScanFindings(repository, imageTag, status, counts,
                findings != null ? findings.imageScanCompletedAt() : null);
    }

    /** ECR's severities, and Inspector's UNTRIAGED (not yet rated), which counts as UNDEFINED. */
    private static Severity severity(String name) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return Severity.UNDEFINED;
    }
}
