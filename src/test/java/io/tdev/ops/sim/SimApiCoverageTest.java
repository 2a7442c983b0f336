package io.tdev.ops.sim;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.TaskDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SimApiCoverageTest {

    @Test
    void everyPortMethodIsCountedUnderOneOfTheListedIamActionsAndEveryActionIsUsed() {
        var production = SimConfigs.production();
        var t = production.table();
        // with a created-at index, so that a count by index makes its dynamodb:Query calls
        SimEnvironment env = SimEnvironment.scenario("healthy", production.withTable(
                new io.tdev.ops.config.EnvironmentConfig.TableNames(t.name(), t.createdAtAttribute(), t.userIdAttribute(), "by-created")));
        var p = env.ports();
        var cfg = env.config();
        var service = cfg.serviceRef();
        Instant now = env.now();
        Instant hourAgo = now.minus(Duration.ofHours(1));

        p.ecs().describeService(service);
        TaskDefinition base = p.ecs().describeTaskDefinition(env.family());
        p.ecs().listTaskDefinitions(env.family(), true);
        var next = p.ecs().registerTaskDefinition(base, Map.of("t-developer-backend", env.imageUri("2.0.43")));
        String id = p.ecs().updateService(service, next);
        p.ecs().stopDeployment(service, id);
        p.ecs().tagTaskDefinition(next, Map.of("k", "v"));
        p.ecs().untagTaskDefinition(next, List.of("k"));
        p.ecs().tagsOf(next);
        p.autoScaling().scalableTarget(service);
        p.autoScaling().setCapacity(service, 2, 20);
        p.autoScaling().policies(service);
        p.alarms().alarms(cfg.alarmPrefix(), Optional.empty());
        p.alarms().history(cfg.alarmPrefix(), now.minus(Duration.ofDays(7)), now);
        p.ecs().rollbacks(service, now.minus(Duration.ofDays(7)), now);
        var tasks = p.ecs().serviceTasks(service);
        p.ecs().stopTask(service.cluster(), tasks.get(0).arn(), "coverage");
        p.metrics().query(List.of(), hourAgo, now);
        p.logs().filter(cfg.logGroup(), "ERROR", hourAgo, now, 10);
        p.logs().insights(List.of(cfg.logGroup()), "stats count(*)", hourAgo, now);
        p.logs().logGroups("/ecs");
        p.logs().putRetention(cfg.logGroup(), 30);
        p.targetHealth().targetHealth(env.targetGroupArn());
        p.targetHealth().loadBalancerArns(env.targetGroupArn());
        p.storage().usage(cfg.bucket());
        p.storage().listedUsage(cfg.bucket(), 10);
        p.storage().replication(cfg.bucket());
        var newest = p.storage().newestObjects(cfg.bucket(), 1);
        p.storage().objectReplicationStatus(cfg.bucket(), newest.get(0).key());
        p.storage().bucketPolicy(cfg.bucket());
        p.storage().putBucketPolicy(cfg.bucket(), "{\"Statement\":[]}");
        p.tables().countBetween(cfg.table().name(), "created_at", hourAgo, now, Optional.empty());
        var backup = p.tables().createBackup(cfg.table().name(), "coverage");
        p.tables().listBackups(cfg.table().name());
        p.tables().describeBackup(backup.arn());
        p.tables().describeTable(cfg.table().name());
        p.tables().pointInTimeRecovery(cfg.table().name());
        env.advance(Duration.ofMinutes(1));
        p.tables().restore(backup.arn(), "restored");
        p.notifier().publish(cfg.topic(), "s", "m");
        p.imageScans().findings(cfg.repository(), "2.0.42");
        p.imageScans().images(cfg.repository());
        p.storage().lifecycleRules(cfg.bucket());
        p.storage().addLifecycleRule(cfg.bucket(), new io.tdev.ops.model.LifecycleRule("r", "", 90, "Enabled"));
        p.ecs().deregisterTaskDefinition(env.revision(38));
        env.advance(Duration.ofDays(1));
        p.imageScans().startScan(cfg.repository(), "2.0.42");
        p.secrets().rotate(cfg.secret());
        p.secrets().lastRotated(cfg.secret());
        p.secrets().status(cfg.secret());
        p.secrets().putRandomValue(cfg.secret());
        p.secrets().readDocument("t-developer/production/bucket-policy-backup");
        p.secrets().writeDocument("t-developer/production/bucket-policy-backup", "saved", "coverage");
        p.storage().publicAccessBlock(cfg.bucket());
        p.storage().deleteBucketPolicy(cfg.bucket());
        p.securityGroups().nameContaining("t-developer");
        p.admin().clearCache();
        p.admin().restartAgent("search");
        p.admin().invalidateSessions();
        p.webhooks().post("https://hooks.example.com/T1/B2/x", "text");
        String change = p.dns().upsert(cfg.dr().hostedZoneId(), new DnsRecord("a.example.com", "A", "10.0.0.1", 60));
        p.dns().changeStatus(change);
        p.dns().record(cfg.dr().hostedZoneId(), cfg.dr().recordName(), cfg.dr().recordType());
        p.dns().healthCheck(cfg.dr().primaryHealthCheckId());
        p.databases().describe(env.databaseId());
        p.databases().modifyInstanceClass(env.databaseId(), "db.r6g.xlarge", true);
        p.databases().orderableClasses("postgres", "16.4");
        p.targetHealth().loadBalancerArns(env.targetGroupArn());
        p.ecs().tagService(cfg.serviceRef(), Map.of("tdev:traffic-event", "desired=3"));
        p.ecs().serviceTags(cfg.serviceRef());
        p.ecs().untagService(cfg.serviceRef(), List.of("tdev:traffic-event"));
        p.tables().countBetween(cfg.table().name(), "created_at", hourAgo, now, Optional.of("by-created"));

        assertThat(env.callLog()).extracting(SimCall::api).allSatisfy(api -> assertThat(Api.ALL).contains(api));
        assertThat(env.callLog().stream().map(SimCall::api).distinct()).containsExactlyInAnyOrderElementsOf(Api.ALL);
    }
}
