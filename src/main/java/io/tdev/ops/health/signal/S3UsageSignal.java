package io.tdev.ops.health.signal;

import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.StorageUsage;

import java.util.Locale;
import java.util.Optional;

/**
 * The projects bucket's size (informational): from S3's daily storage metrics in the check's GetMetricData, else
 * (a bucket younger than a day) one listing page.
 */
public final class S3UsageSignal extends ScopedSignal {
    public static final String NAME = "s3-usage";
    /**
     * A bucket without daily storage metrics is less than a day old (S3 publishes them for every bucket, free), so
     * one ListObjectsV2 page is enough to size it, and the check's cost stays bounded if that ever is not so.
     */
    static final int LISTING_CAP = 1000;

    public S3UsageSignal(CheckScope scope) {
        super(NAME, scope, true);
    }

    @Override
    public HealthSignal read() {
        String bucket = scope.config.bucket();
        Optional<StorageUsage> fromMetrics = S3StorageMetrics.usage(scope.metrics.series(S3StorageMetrics.BYTES),
                scope.metrics.series(S3StorageMetrics.OBJECTS));
        StorageUsage u = fromMetrics.orElseGet(() ->
                scope.ctx.retry().call(() -> scope.ctx.ports().storage().listedUsage(bucket, LISTING_CAP)));
        return new HealthSignal(NAME, SignalStatus.INFO, (u.truncated() ? "at least " : "") + u.objects()
                + " objects, " + bytes(u.bytes()), "informational", bucket + " measured from " + u.source(), true);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
