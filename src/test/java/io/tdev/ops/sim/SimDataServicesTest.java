package io.tdev.ops.sim;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.ImageScanFindings;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.Severity;
import io.tdev.ops.model.StoredObject;
import io.tdev.ops.model.TableBackup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimDataServicesTest {
    private final SimEnvironment env = SimEnvironment.scenario("healthy", SimConfigs.production());
    private final String table = "t-developer-metadata-production";

    @Test
    void backupsAreListedNewestFirstAndANewOneIsCreatingForAMinute() {
        var tables = env.ports().tables();
        assertThat(tables.listBackups(table)).extracting(TableBackup::createdAt)
                .containsExactly(env.now().minus(Duration.ofHours(6)), env.now().minus(Duration.ofHours(30)),
                        env.now().minus(Duration.ofHours(54)));

        TableBackup created = tables.createBackup(table, "pre-deploy-20261126-0900");

        assertThat(created.status()).isEqualTo("CREATING");
        assertThat(created.arn()).startsWith("arn:aws:dynamodb:ap-northeast-2:123456789012:table/" + table + "/backup/0");
        env.advance(Duration.ofMinutes(1));
        assertThat(tables.listBackups(table).get(0)).satisfies(b -> {
            assertThat(b.name()).isEqualTo("pre-deploy-20261126-0900");
            assertThat(b.status()).isEqualTo("AVAILABLE");
            assertThat(b.sizeBytes()).isPositive();
        });
    }

    @Test
    void staleBackupScenarioHasNoBackupYoungerThanADay() {
        SimEnvironment stale = SimEnvironment.scenario("stale-backup", SimConfigs.production());

        assertThat(stale.ports().tables().listBackups(table).get(0).createdAt())
                .isEqualTo(stale.now().minus(Duration.ofDays(3)));
    }

    @Test
    void restoreCreatesANewTableWithTheBackedUpItems() {
        var tables = env.ports().tables();
        TableBackup newest = tables.listBackups(table).get(0);

        assertThat(tables.restore(newest.arn(), table + "-restored").status()).isEqualTo("CREATING");
        assertThat(tables.describeTable(table + "-restored")).hasValueSatisfying(t -> assertThat(t.itemCount()).isZero());
        env.advance(Duration.ofMinutes(4));

        assertThat(tables.describeTable(table + "-restored")).hasValueSatisfying(t -> {
            assertThat(t.status()).isEqualTo("ACTIVE");
            assertThat(t.itemCount()).isEqualTo(tables.describeBackup(newest.arn()).itemCount());
        });
        assertThat(env.tables()).contains(table + "-restored");
        long all = tables.countBetween(table, "created_at", Instant.EPOCH, env.now(), Optional.empty());
        long restored = tables.countBetween(table + "-restored", "created_at", Instant.EPOCH, env.now(), Optional.empty());
        assertThat(restored).isPositive().isLessThan(all);
        assertThatThrownBy(() -> tables.restore(newest.arn(), table)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> tables.restore("arn:aws:dynamodb:x:1:table/t/backup/nope", "t2-restored"))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void countsProjectsAndDistinctUsersInAWindow() {
        var tables = env.ports().tables();
        Instant today = env.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);

        long yesterday = tables.countBetween(table, "created_at", today.minus(Duration.ofDays(1)), today, Optional.empty());
        long week = tables.countBetween(table, "created_at", today.minus(Duration.ofDays(7)), today, Optional.empty());
        long users = tables.countDistinct(table, "user_id", "created_at", today.minus(Duration.ofDays(7)), today);

        assertThat(yesterday).isBetween(30L, 90L);
        assertThat(week).isGreaterThan(yesterday * 4);
        assertThat(users).isBetween(2L, 40L);
        assertThat(env.calls(Api.DYNAMODB_SCAN)).isEqualTo(3);
        assertThatThrownBy(() -> tables.countBetween(table, "created_at", today.minus(Duration.ofDays(1)), today,
                Optional.of("by-created"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("by-created");
        assertThatThrownBy(() -> tables.countBetween("nope", "created_at", today, env.now(), Optional.empty()))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void anImageScanRunsForTwoMinutesAndOnlyOnceADay() {
        var scans = env.ports().imageScans();
        String repo = "t-developer-backend-production";
        assertThat(scans.findings(repo, "2.0.42").status()).isEqualTo("COMPLETE");

        env.advance(Duration.ofDays(1));
        scans.startScan(repo, "2.0.42");

        assertThat(scans.findings(repo, "2.0.42").status()).isEqualTo("IN_PROGRESS");
        env.advance(Duration.ofMinutes(1));
        // A second start within the day is what ECR refuses with LimitExceededException and AwsImageScans takes
        // as "use that scan": no error, and the running scan is not restarted (it still ends 2 minutes after the first).
        int startsBefore = env.calls(Api.START_IMAGE_SCAN);
        scans.startScan(repo, "2.0.42");
        assertThat(env.calls(Api.START_IMAGE_SCAN)).isEqualTo(startsBefore + 1);
        env.advance(Duration.ofMinutes(1));
        ImageScanFindings done = scans.findings(repo, "2.0.42");
        assertThat(done.status()).isEqualTo("COMPLETE");
        assertThat(done.countAtLeast(Severity.HIGH)).isZero();
        assertThat(done.countAtLeast(Severity.LOW)).isEqualTo(7);
        assertThatThrownBy(() -> scans.findings("other-repo", "2.0.42")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void theScanFindingsScenarioHasHighAndCriticalFindings() {
        SimEnvironment findings = SimEnvironment.scenario("scan-findings", SimConfigs.production());

        ImageScanFindings f = findings.ports().imageScans().findings("t-developer-backend-production", "2.1.0");

        assertThat(f.counts()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.HIGH, 3);
        assertThat(f.countAtLeast(Severity.HIGH)).isEqualTo(4);
    }

    @Test
    void autoscalingIsRegistered2To20AndAbsentInItsScenario() {
        var service = env.config().serviceRef();
        assertThat(env.ports().autoScaling().scalableTarget(service)).contains(
                new ScalableTarget("service/t-developer-cluster-production/t-developer-service-production", 2, 20));
        assertThat(env.ports().autoScaling().policies(service)).singleElement()
                .satisfies(p -> assertThat(p.targetValue()).isEqualTo(70.0));

        SimEnvironment none = SimEnvironment.scenario("no-autoscaling", SimConfigs.production());
        assertThat(none.ports().autoScaling().scalableTarget(service)).isEmpty();
        assertThat(none.ports().autoScaling().policies(service)).isEmpty();
        assertThatThrownBy(() -> none.ports().autoScaling().setCapacity(service, 10, 20))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void autoscalingUndoesAManualScaleUpUnlessMinCapacityIsRaised() {
        var service = env.config().serviceRef();
        env.ports().ecs().setDesiredCount(service, 10);
        env.advance(Duration.ofMinutes(10));
        assertThat(env.desiredCount()).as("target tracking scaled in").isLessThan(10).isGreaterThanOrEqualTo(2);

        env.ports().autoScaling().setCapacity(service, 10, 20);
        assertThat(env.desiredCount()).as("raising min brings desired up at once").isEqualTo(10);
        env.advance(Duration.ofMinutes(10));
        assertThat(env.desiredCount()).isEqualTo(10);
        assertThat(env.service().running()).isEqualTo(10);
        assertThatThrownBy(() -> env.ports().autoScaling().setCapacity(service, 5, 4)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void storageListsObjectsWithSizesAndAgesPageByPage() {
        var storage = env.ports().storage();
        String bucket = "t-developer-projects-production";

        var usage = storage.usage(bucket);
        int metricCalls = env.calls(Api.GET_METRIC_DATA);
        List<StoredObject> old = storage.objectsOlderThan(bucket, env.now().minus(Duration.ofDays(7)), 50);
        var listed = storage.listedUsage(bucket, 1500);

        assertThat(usage.objects()).isGreaterThan(1000);
        assertThat(usage.bytes()).isGreaterThan(usage.objects() * 1000);
        assertThat(usage.source()).as("from the daily storage metrics, like the AWS adapter").contains("CloudWatch AWS/S3");
        assertThat(metricCalls).isEqualTo(1);
        assertThat(old).hasSize(50).allSatisfy(o -> assertThat(o.lastModified()).isBefore(env.now().minus(Duration.ofDays(7))));
        assertThat(listed.truncated()).isTrue();
        assertThat(listed.objects()).isEqualTo(1500);
        // objectsOlderThan lists every page; the capped listing two pages of 1,000 keys
        assertThat(env.calls(Api.LIST_BUCKET)).isEqualTo((usage.objects() + 999) / 1000 + 2);
        assertThat(storage.replication(bucket).configured()).isTrue();
        assertThatThrownBy(() -> storage.usage("other")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void aDenyAllBucketPolicyReplacesTheOldOneAndInvalidJsonIsRefused() {
        var storage = env.ports().storage();
        String bucket = "t-developer-projects-production";
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";

        assertThat(storage.bucketPolicy(bucket)).get().asString().contains("DenyInsecureTransport");
        storage.putBucketPolicy(bucket, denyAll);

        assertThat(env.bucketPolicy()).contains(denyAll);
        assertThatThrownBy(() -> storage.putBucketPolicy(bucket, "{not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policyJson");
        assertThatThrownBy(() -> storage.putBucketPolicy(bucket, "{\"Version\":\"2012-10-17\"}"))
                .isInstanceOf(RemoteFailureException.class).hasMessageContaining("MalformedPolicy");
        assertThat(env.bucketPolicy()).contains(denyAll);
    }

    @Test
    void notificationsLandInTheInboxWithAMessageId() {
        String id = env.ports().notifier().publish("t-developer-alerts-production", "Rollback", "from 43 to 42");
        String byArn = env.ports().notifier().publish(env.topicArn(), "Again", "second");

        assertThat(env.notifications()).hasSize(2).first().satisfies(n -> {
            assertThat(n.messageId()).isEqualTo(id);
            assertThat(n.subject()).isEqualTo("Rollback");
            assertThat(n.message()).isEqualTo("from 43 to 42");
            assertThat(n.topic()).isEqualTo("arn:aws:sns:ap-northeast-2:123456789012:t-developer-alerts-production");
        });
        assertThat(byArn).isNotEqualTo(id);
        assertThatThrownBy(() -> env.ports().notifier().publish("other-topic", "s", "m"))
                .isInstanceOf(PreconditionFailedException.class);
        // like the SNS adapter, a multi-line subject goes out as one line rather than failing the alert
        env.ports().notifier().publish(env.topicArn(), "line\nbreak", "m");
        assertThat(env.notifications()).hasSize(3).last().satisfies(n -> assertThat(n.subject()).isEqualTo("line break"));
    }

    @Test
    void secretRotationRecordsTimesButNeverAValue() {
        var secrets = env.ports().secrets();
        String secret = "t-developer/production/api-keys";
        Instant before = secrets.lastRotated(secret).orElseThrow();

        String version = secrets.rotate(secret);
        assertThatThrownBy(() -> secrets.rotate(secret)).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("previous rotation");
        env.advance(Duration.ofSeconds(30));

        assertThat(version).matches("[0-9a-f-]{36}");
        assertThat(before).isEqualTo(env.now().minus(Duration.ofDays(40)).minusSeconds(30));
        assertThat(secrets.lastRotated(secret)).contains(env.now());
        assertThat(env.secretRotations()).isEqualTo(1);
        assertThatThrownBy(() -> secrets.rotate("other/secret")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void aDnsChangeIsPendingThenInSync() {
        var dns = env.ports().dns();

        String zone = env.config().dr().hostedZoneId();
        String change = dns.upsert(zone, new DnsRecord("api.t-developer.example.com", "CNAME",
                "t-developer-alb-dr.us-west-2.elb.amazonaws.com", 60));

        assertThat(dns.changeStatus(change)).isEqualTo("PENDING");
        env.advance(Duration.ofMinutes(1));
        assertThat(dns.changeStatus(change)).isEqualTo("INSYNC");
        assertThat(env.dnsRecords()).hasSize(2).containsKey(zone + " api.t-developer.example.com CNAME");
        assertThatThrownBy(() -> dns.upsert(zone, new DnsRecord("x", "BOGUS", "v", 60)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CNAME");
        assertThatThrownBy(() -> dns.changeStatus("/change/NOPE")).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void aDatabaseClassChangeTakesFiveMinutes() {
        var db = env.ports().databases();
        String id = env.databaseId();

        db.modifyInstanceClass(id, "db.r6g.xlarge", true);

        assertThat(db.describe(id).status()).isEqualTo("modifying");
        assertThat(db.describe(id).instanceClass()).isEqualTo("db.r6g.large");
        assertThatThrownBy(() -> db.modifyInstanceClass(id, "db.r6g.2xlarge", true)).isInstanceOf(RemoteFailureException.class);
        env.advance(Duration.ofMinutes(5));
        assertThat(db.describe(id)).satisfies(d -> {
            assertThat(d.status()).isEqualTo("available");
            assertThat(d.instanceClass()).isEqualTo("db.r6g.xlarge");
        });
        assertThatThrownBy(() -> db.modifyInstanceClass(id, "huge", true)).isInstanceOf(InvalidInputException.class);
    }
}
