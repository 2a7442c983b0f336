package io.tdev.ops.health.signal;

import io.tdev.ops.model.MetricPoint;
import io.tdev.ops.model.MetricQuery;
import io.tdev.ops.model.MetricSeries;
import io.tdev.ops.model.StorageUsage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's size from the S3 storage metrics in CloudWatch (namespace AWS/S3, free): {@code BucketSizeBytes} of
 * StorageType StandardStorage and {@code NumberOfObjects} of AllStorageTypes. S3 publishes them once a day, stamped
 * at midnight UTC and a day or so late, so they are read over the last two whole days and today, and the usage says
 * which day it is of.
 */
final class S3StorageMetrics {
    static final String BYTES = "s3-bytes";
    static final String OBJECTS = "s3-objects";
    private static final Duration DAY = Duration.ofDays(1);

    private S3StorageMetrics() {
    }

    static List<MetricQuery> queries(String bucket) {
        return List.of(
                new MetricQuery(BYTES, "AWS/S3", "BucketSizeBytes",
                        Map.of("BucketName", bucket, "StorageType", "StandardStorage"), "Average", DAY),
                new MetricQuery(OBJECTS, "AWS/S3", "NumberOfObjects",
                        Map.of("BucketName", bucket, "StorageType", "AllStorageTypes"), "Average", DAY));
    }

    /** Where the range starts: midnight UTC two days before today's, so that the newest published day is in it. */
    static Instant from(Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(DAY.multipliedBy(2));
    }

    /** The newest day both metrics have, or empty when they have none (a bucket younger than a day). */
    static Optional<StorageUsage> usage(MetricSeries bytes, MetricSeries objects) {
        Optional<MetricPoint> size = newest(bytes);
        Optional<MetricPoint> count = newest(objects);
        if (size.isEmpty() || count.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(size.get().at(), ZoneOffset.UTC);
        return Optional.of(new StorageUsage((long) count.get().value(), (long) size.get().value(),
                "CloudWatch AWS/S3 BucketSizeBytes (StandardStorage) and NumberOfObjects (AllStorageTypes), daily, of "
                        + day));
    }

    private static Optional<MetricPoint> newest(MetricSeries series) {
        return series.points().stream().max(Comparator.comparing(MetricPoint::at));
    }
}
