package io.tdev.ops.sim;

import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.Severity;
import io.tdev.ops.port.ImageScans;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * ECR basic scanning of the backend repository. Every image was scanned on push (two hours before the
 * simulation began); a new scan runs for two minutes (IN_PROGRESS) and may be started once a day per image,
 * as ECR allows: a start within a day of the last scan leaves that scan as it is, as {@link
 * io.tdev.ops.aws.AwsImageScans} does with ECR's LimitExceededException. Findings per tag come from the scenario; by default a few MEDIUM/LOW ones.
 * A tag the scenario marks never scanned (scan on push off) has no scan until one is started: its findings are
 * {@link ImageScanFindings#notScanned}, as the adapter reports ECR's ScanNotFoundException.
 */
final class SimImageScans implements ImageScans {
    static final Duration SCAN_TAKES = Duration.ofMinutes(2);

    private record Scan(Instant startedAt, Map<Severity, Integer> counts) {
    }

    private final SimWorld world;
    private final Map<String, Scan> scans = new HashMap<>();
    private final Map<String, Map<Severity, Integer>> findingsByTag = new HashMap<>();
    /** Tags pushed to the repository but never deployed (no revision runs them), with their push time. */
    private final Map<String, Instant> pushed = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> neverScanned = new java.util.HashSet<>();
    private Map<Severity, Integer> defaultFindings = Map.of(Severity.MEDIUM, 2, Severity.LOW, 5, Severity.INFORMATIONAL, 3);

    SimImageScans(SimWorld world) {
        this.world = world;
    }

    void findings(String tag, Map<Severity, Integer> counts) {
        findingsByTag.put(tag, Map.copyOf(counts));
    }

    void neverScanned(String tag) {
        neverScanned.add(tag);
    }

    void push(String tag, Instant at) {
        pushed.put(tag, at);
    }

    void defaultFindings(Map<Severity, Integer> counts) {
        defaultFindings = Map.copyOf(counts);
    }

    @Override
    public void startScan(String repository, String imageTag) {
        world.exec(Api.START_IMAGE_SCAN, () -> {
            requireImage(repository, imageTag);
            Scan last = lastScan(imageTag);
            if (last != null && world.now().isBefore(last.startedAt().plus(Duration.ofDays(1)))) {
                // ECR refuses a second basic scan within a day (LimitExceededException) and AwsImageScans takes
                // that as "already scanned, its findings stand": the engine sees the same here, the earlier scan.
                return;
            }
            scans.put(imageTag, new Scan(world.now(), countsFor(imageTag)));
        });
    }

    /** One image per task-definition revision, pushed when the revision was registered, and the pushed tags. */
    @Override
    public java.util.List<io.tdev.ops.model.ImageDetail> images(String repository) {
        return world.call(Api.DESCRIBE_IMAGES, () -> {
            requireImage(repository, "any");
            return all();
        });
    }

    /** DescribeImages with one imageId: ECR answers ImageNotFoundException for a tag or digest it does not hold. */
    @Override
    public java.util.Optional<io.tdev.ops.model.ImageDetail> image(io.tdev.ops.model.EcrImage image) {
        return world.call(Api.DESCRIBE_IMAGES, () -> {
            if (!world.region.equals(image.region())) {
                throw image.inOtherRegion("image", world.region);
            }
            if (!SimWorld.ACCOUNT.equals(image.registryId()) || !world.config.repository().equals(image.repository())) {
                throw new PreconditionFailedException(image.repositoryDescription() + " was not found"
                        + " (ecr:DescribeImages: RepositoryNotFoundException); this environment's is '"
                        + world.config.repository() + "' in registry " + SimWorld.ACCOUNT);
            }
            return all().stream().filter(d -> image.tag() != null ? d.tags().contains(image.tag())
                    : d.digest().equals(image.digest())).findFirst();
        });
    }

    private java.util.List<io.tdev.ops.model.ImageDetail> all() {
        java.util.Map<String, io.tdev.ops.model.ImageDetail> byTag = new java.util.LinkedHashMap<>();
        for (SimTaskDefinition def : world.ecs.taskDefinitions().values()) {
            String image = def.mainImage();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            byTag.putIfAbsent(tag, detail(tag, def.registeredAt.minus(Duration.ofMinutes(10))));
        }
        pushed.forEach((tag, at) -> byTag.putIfAbsent(tag, detail(tag, at)));
        return byTag.values().stream()
                .sorted(java.util.Comparator.comparing(io.tdev.ops.model.ImageDetail::pushedAt).reversed()).toList();
    }

    private static io.tdev.ops.model.ImageDetail detail(String tag, Instant pushedAt) {
        return new io.tdev.ops.model.ImageDetail(digest(tag), java.util.List.of(tag), pushedAt,
                180_000_000L + Math.abs(tag.hashCode() % 20_000_000));
    }

    static String digest(String tag) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ImageScanFindings findings(String repository, String imageTag) {
        return world.call(Api.DESCRIBE_IMAGE_SCAN_FINDINGS, () -> {
            requireImage(repository, imageTag);
            Scan s = lastScan(imageTag);
            if (s == null) {
                return ImageScanFindings.notScanned(repository, imageTag);
            }
            Instant done = s.startedAt().plus(SCAN_TAKES);
            if (world.now().isBefore(done)) {
                return new ImageScanFindings(repository, imageTag, "IN_PROGRESS", Map.of(), null);
            }
            return new ImageScanFindings(repository, imageTag, "COMPLETE", s.counts(), done);
        });
    }

    /** The image's newest scan: the one on push (hours before the start), or null for a tag never scanned until started. */
    private Scan lastScan(String tag) {
        if (neverScanned.contains(tag)) {
            return scans.get(tag);
        }
        return scans.computeIfAbsent(tag, t -> new Scan(world.epoch.minus(Duration.ofHours(2)), countsFor(t)));
    }

    private Map<Severity, Integer> countsFor(String tag) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        counts.putAll(findingsByTag.getOrDefault(tag, defaultFindings));
        return counts;
    }

    private void requireImage(String repository, String imageTag) {
        if (!world.config.repository().equals(repository)) {
            throw new PreconditionFailedException("ECR repository " + repository + " not found (RepositoryNotFoundException); "
                    + "this environment's is " + world.config.repository());
        }
        if (imageTag == null || imageTag.isBlank()) {
            throw new InvalidInputException("imageTag", "must not be empty");
        }
    }
}
