package io.tdev.ops.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PublicAccessBlock;
import io.tdev.ops.model.ReplicationStatus;
import io.tdev.ops.model.StorageUsage;
import io.tdev.ops.model.StoredObject;
import io.tdev.ops.port.Storage;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * {@link Storage} on S3. Usage comes from the daily AWS/S3 storage metrics (free, and right for any bucket size);
 * a bucket younger than a day has none yet, and is listed instead.
 * <p>
 * {@code new AwsStorage(s3, cloudWatch)} reads the metrics of the last three days on the system clock.
 */
public final class AwsStorage implements Storage {
    private static final String SOURCE_LISTING = "S3 ListObjectsV2 (no AWS/S3 storage metrics yet)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final CloudWatchClient cloudWatch;
    private final Clock clock;

    public AwsStorage(S3Client s3, CloudWatchClient cloudWatch) {
        this(s3, cloudWatch, Clock.systemUTC());
    }

    public AwsStorage(S3Client s3, CloudWatchClient cloudWatch, Clock clock) {
        this.s3 = s3;
        this.cloudWatch = cloudWatch;
        this.clock = clock;
    }

    @Override
    public StorageUsage usage(String bucket) {
        // S3 publishes these once a day, a day late: three days always hold the newest point.
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(3));
        List<MetricDataQuery> queries = List.of(
                storageMetric("bytes", bucket, "BucketSizeBytes", "StandardStorage"),
                storageMetric("objects", bucket, "NumberOfObjects", "AllStorageTypes"));
        Map<String, Latest> latest = new HashMap<>();
        AwsCall.exec("cloudwatch:GetMetricData", () -> cloudWatch.getMetricDataPaginator(r -> r
                        .metricDataQueries(queries).startTime(from).endTime(to))
                .metricDataResults().forEach(result -> latestOf(result).ifPresent(l -> latest.merge(result.id(), l,
                        (a, b) -> a.at().isAfter(b.at()) ? a : b))));
        Latest bytes = latest.get("bytes");
        Latest objects = latest.get("objects");
        if (bytes != null && objects != null) {
            LocalDate day = LocalDate.ofInstant(bytes.at(), ZoneOffset.UTC);
            return new StorageUsage((long) objects.value(), (long) bytes.value(),
                    "CloudWatch AWS/S3 NumberOfObjects and BucketSizeBytes (StandardStorage) of " + day);
        }
        return listedUsage(bucket);
    }

    private record Latest(Instant at, double value) {
    }

    private static Optional<Latest> latestOf(MetricDataResult result) {
        Latest newest = null;
        for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
            Latest point = new Latest(result.timestamps().get(i), result.values().get(i));
            if (newest == null || point.at().isAfter(newest.at())) {
                newest = point;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static MetricDataQuery storageMetric(String id, String bucket, String metric, String storageType) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s
                .period(86_400).stat("Average")
                .metric(m -> m.namespace("AWS/S3").metricName(metric).dimensions(
                        Dimension.builder().name("BucketName").value(bucket).build(),
                        Dimension.builder().name("StorageType").value(storageType).build()))).build();
    }

    private StorageUsage listedUsage(String bucket) {
        long[] totals = new long[2];
        ResourceCall.exec("s3:ListBucket", "bucket", bucket, "bucket", () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                .contents().forEach(o -> {
                    totals[0]++;
                    totals[1] += o.size() == null ? 0 : o.size();
                }));
        return new StorageUsage(totals[0], totals[1], SOURCE_LISTING);
    }

    @Override
    public StorageUsage listedUsage(String bucket, int maxObjects) {
        if (maxObjects < 1) {
            throw new InvalidInputException("maxObjects", "got " + maxObjects + "; must be at least 1");
        }
        return ResourceCall.run("s3:ListBucket", "bucket", bucket, "bucket", () -> {
            long objects = 0;
            long bytes = 0;
            // pages of up to 1,000 keys, asked for no more than the cap needs; the iterable fetches pages lazily,
            // so no page past the cap is read
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(bucket)
                    .maxKeys(Math.min(1000, maxObjects)))) {
                for (S3Object o : page.contents()) {
                    if (objects == maxObjects) {
                        return capped(objects, bytes, maxObjects);
                    }
                    objects++;
                    bytes += o.size() == null ? 0 : o.size();
                }
                if (objects == maxObjects && Boolean.TRUE.equals(page.isTruncated())) {
                    return capped(objects, bytes, maxObjects);
                }
            }
            return new StorageUsage(objects, bytes, "S3 ListObjectsV2 (no AWS/S3 storage metrics)");
        });
    }

    private static StorageUsage capped(long objects, long bytes, int maxObjects) {
        return new StorageUsage(objects, bytes, "S3 ListObjectsV2 stopped at " + maxObjects
                + " objects (no AWS/S3 storage metrics): lower bounds", true);
    }

    @Override
    public List<StoredObject> objectsOlderThan(String bucket, Instant cutoff, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "got " + limit + "; must be at least 1");
        }
        return ResourceCall.run("s3:ListBucket", "bucket", bucket, "bucket", () -> {
            List<StoredObject> old = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                if (o.lastModified().isBefore(cutoff)) {
                    old.add(new StoredObject(o.key(), o.size() == null ? 0 : o.size(), o.lastModified()));
                    if (old.size() >= limit) {
                        break; // the iterable fetches pages lazily: no further page is read
                    }
                }
            }
            return old;
        });
    }

    @Override
    public List<io.tdev.ops.model.LifecycleRule> lifecycleRules(String bucket) {
        return ResourceCall.run("s3:GetLifecycleConfiguration", "bucket", bucket, "bucket", () -> {
            try {
                return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().stream()
                        .map(r -> new io.tdev.ops.model.LifecycleRule(r.id(), LifecycleFilters.prefix(r),
                                r.expiration() != null ? r.expiration().days() : null, r.statusAsString(),
                                LifecycleFilters.narrowedBy(r)))
                        .toList();
            } catch (S3Exception e) {
                if ("NoSuchLifecycleConfiguration".equals(ResourceCall.errorCode(e))) {
                    return List.<io.tdev.ops.model.LifecycleRule>of(); // never configured
                }
                throw e;
            }
        });
    }

    /**
     * PutBucketLifecycleConfiguration replaces every rule, so the configuration is read first and its rules are put
     * back as S3 returned them (transitions, tag and size filters, noncurrent-version and multipart settings intact),
     * with {@code rule} added or replacing the rule of the same id. Two writers at once can still lose one's change:
     * S3 offers no conditional put for lifecycle configurations.
     */
    @Override
    public void addLifecycleRule(String bucket, io.tdev.ops.model.LifecycleRule rule) {
        if (rule.expirationDays() == null || rule.expirationDays() < 1) {
            throw new InvalidInputException("lifecycleRule", "got rule '" + rule.id() + "' without expiration days;"
                    + " allowed a rule that expires objects after 1 day or more (nothing was changed)");
        }
        GetBucketLifecycleConfigurationResponse current = ResourceCall.run("s3:GetLifecycleConfiguration", "bucket",
                bucket, "bucket", () -> {
                    try {
                        return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket));
                    } catch (S3Exception e) {
                        if ("NoSuchLifecycleConfiguration".equals(ResourceCall.errorCode(e))) {
                            return GetBucketLifecycleConfigurationResponse.builder().build(); // never configured
                        }
                        throw e;
                    }
                });
        List<software.amazon.awssdk.services.s3.model.LifecycleRule> rules = new ArrayList<>(current.rules().stream()
                .filter(r -> !rule.id().equals(r.id())).toList());
        rules.add(software.amazon.awssdk.services.s3.model.LifecycleRule.builder().id(rule.id())
                .filter(f -> f.prefix(rule.prefix() == null ? "" : rule.prefix()))
                .expiration(x -> x.days(rule.expirationDays()))
                .status(rule.status()).build());
        ResourceCall.exec("s3:PutLifecycleConfiguration", "bucket", bucket, "bucket",
                () -> s3.putBucketLifecycleConfiguration(r -> {
                    r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules));
                    if (current.transitionDefaultMinimumObjectSize() != null) {
                        r.transitionDefaultMinimumObjectSize(current.transitionDefaultMinimumObjectSize());
                    }
                }));
    }

    @Override
    public List<StoredObject> newestObjects(String bucket, int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "got " + limit + "; must be at least 1");
        }
        // S3 lists by key, not by time: the whole listing is read, keeping the newest in a bounded heap
        PriorityQueue<StoredObject> newest = new PriorityQueue<>(Comparator.comparing(StoredObject::lastModified));
        ResourceCall.exec("s3:ListBucket", "bucket", bucket, "bucket", () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                .contents().forEach(o -> {
                    newest.add(new StoredObject(o.key(), o.size() == null ? 0 : o.size(), o.lastModified()));
                    if (newest.size() > limit) {
                        newest.poll();
                    }
                }));
        List<StoredObject> sorted = new ArrayList<>(newest);
        sorted.sort(Comparator.comparing(StoredObject::lastModified).reversed());
        return sorted;
    }

    @Override
    public Optional<String> objectReplicationStatus(String bucket, String key) {
        String status = ResourceCall.run("s3:GetObject", "object", "s3://" + bucket + "/" + key, null,
                () -> s3.headObject(r -> r.bucket(bucket).key(key)).replicationStatusAsString());
        return Optional.ofNullable(status);
    }

    @Override
    public ReplicationStatus replication(String bucket) {
        Optional<ReplicationConfiguration> config = ResourceCall.run("s3:GetReplicationConfiguration", "bucket", bucket,
                "bucket", () -> {
                    try {
                        return Optional.of(s3.getBucketReplication(r -> r.bucket(bucket)).replicationConfiguration());
                    } catch (S3Exception e) {
                        if ("ReplicationConfigurationNotFoundError".equals(ResourceCall.errorCode(e))) {
                            return Optional.empty(); // never configured: a status, not a failure
                        }
                        throw e;
                    }
                });
        if (config.isEmpty()) {
            return new ReplicationStatus(false, List.of(), List.of());
        }
        List<ReplicationRule> rules = config.get().rules();
        return new ReplicationStatus(true,
                rules.stream().map(r -> r.destination().bucket().replaceFirst("^arn:aws[a-z-]*:s3:::", "")).toList(),
                rules.stream().map(r -> (r.id() != null ? r.id() + ": " : "") + r.statusAsString()).toList());
    }

    @Override
    public Optional<String> bucketPolicy(String bucket) {
        return ResourceCall.run("s3:GetBucketPolicy", "bucket", bucket, "bucket", () -> {
            try {
                return Optional.of(s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
            } catch (S3Exception e) {
                if ("NoSuchBucketPolicy".equals(ResourceCall.errorCode(e))) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void putBucketPolicy(String bucket, String policyJson) {
        try {
            if (policyJson == null || !JSON.readTree(policyJson).isObject()) {
                throw new InvalidInputException("policyJson", "must be a JSON object (an IAM policy document)");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("policyJson", "is not valid JSON: " + e.getOriginalMessage());
        }
        ResourceCall.exec("s3:PutBucketPolicy", "bucket", bucket, "bucket",
                () -> s3.putBucketPolicy(r -> r.bucket(bucket).policy(policyJson)));
    }

    @Override
    public void deleteBucketPolicy(String bucket) {
        ResourceCall.exec("s3:DeleteBucketPolicy", "bucket", bucket, "bucket",
                () -> s3.deleteBucketPolicy(r -> r.bucket(bucket)));
    }

    @Override
    public Optional<PublicAccessBlock> publicAccessBlock(String bucket) {
        return ResourceCall.run("s3:GetBucketPublicAccessBlock", "bucket", bucket, "bucket", () -> {
            try {
                PublicAccessBlockConfiguration c = s3.getPublicAccessBlock(r -> r.bucket(bucket))
                        .publicAccessBlockConfiguration();
                return Optional.of(new PublicAccessBlock(on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
                        on(c.blockPublicPolicy()), on(c.restrictPublicBuckets())));
            } catch (S3Exception e) {
                if ("NoSuchPublicAccessBlockConfiguration".equals(ResourceCall.errorCode(e))) {
                    return Optional.empty(); // the bucket has no settings of its own: a finding, not a failure
                }
                throw e;
            }
        });
    }

    /** S3 leaves a setting out when it is false. */
    private static boolean on(Boolean setting) {
        return Boolean.TRUE.equals(setting);
    }
}
