package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.backup.FailoverRequest;
import io.tdev.ops.api.backup.FailoverResult;
import io.tdev.ops.api.backup.FailoverUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.sim.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverTest {
    private static final String PRIMARY = "t-developer-alb-production.ap-northeast-2.elb.amazonaws.com";
    private static final String SECONDARY = "t-developer-alb-production-dr.us-west-2.elb.amazonaws.com";

    private static FailoverResult run(BackupSim s, String to, boolean dryRun) {
        return FailoverUseCase.over(s.ctx).run(new FailoverRequest(to, dryRun));
    }

    private static String recordValue(BackupSim s) {
        var dr = s.ctx.config().dr();
        return s.sim.ports().dns().record(dr.hostedZoneId(), dr.recordName(), dr.recordType()).orElseThrow().value();
    }

    @Test
    void aDryRunShowsTheChangeBeforeAndAfterWithTheTtlAndChangesNothing() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");

        FailoverResult r = run(s, "secondary", true);

        assertThat(r.status()).isEqualTo("PLANNED");
        assertThat(r.before()).isEqualTo(PRIMARY);
        assertThat(r.after()).isEqualTo(SECONDARY);
        assertThat(r.ttl()).isEqualTo(60);
        assertThat(r.actions()).singleElement().satisfies(a -> assertThat(a.dryRun()).isTrue());
        assertThat(s.calls(Api.CHANGE_RECORD_SETS)).isZero();
        assertThat(recordValue(s)).isEqualTo(PRIMARY);
    }

    @Test
    void failingOverUpsertsTheRecordWaitsUntilInsyncWithProgressAndSaysHowToFailBack() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");

        FailoverResult r = run(s, "secondary", false);

        assertThat(r.status()).isEqualTo("INSYNC");
        assertThat(r.ok()).isTrue();
        assertThat(recordValue(s)).isEqualTo(SECONDARY);
        assertThat(r.failBack()).isEqualTo("tdev-ops failover --to primary --env production");
        assertThat(r.actions()).singleElement().satisfies(a -> {
            assertThat(a.before()).isEqualTo(PRIMARY + " (TTL 60)");
            assertThat(a.after()).isEqualTo(SECONDARY + " (TTL 60)");
        });
        assertThat(s.progress).anyMatch(l -> l.contains("INSYNC: PENDING")).anyMatch(l -> l.contains("INSYNC (after 1m)"));
        assertThat(PlainValues.map(r)).containsKeys("before", "after", "ttl", "status", "failBack", "actions");
    }

    @Test
    void failingOverTwiceChangesNothingTheSecondTime() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");
        run(s, "secondary", false);

        FailoverResult again = run(s, "secondary", false);

        assertThat(again.status()).isEqualTo("UNCHANGED");
        assertThat(again.actions()).isEmpty();
        assertThat(s.calls(Api.CHANGE_RECORD_SETS)).isEqualTo(1);
    }

    @Test
    void failingBackToAnUnhealthyPrimaryIsRefused() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");
        run(s, "secondary", false);

        assertThatThrownBy(() -> run(s, "primary", false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("primary is not healthy");
        assertThat(recordValue(s)).isEqualTo(SECONDARY);
    }

    @Test
    void failingBackToAHealthyPrimaryUndoesTheFailOver() {
        BackupSim s = BackupSim.scenario("healthy");
        FailoverResult drill = run(s, "secondary", false);
        assertThat(drill.message()).contains("drill");

        FailoverResult back = run(s, "primary", false);

        assertThat(back.status()).isEqualTo("INSYNC");
        assertThat(recordValue(s)).isEqualTo(PRIMARY);
    }

    @Test
    void aRecordSomeoneChangedByHandIsNotOverwritten() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");
        var dr = s.ctx.config().dr();
        s.sim.ports().dns().upsert(dr.hostedZoneId(), new DnsRecord(dr.recordName(), "CNAME", "maintenance.example.com", 300));
        int changes = s.calls(Api.CHANGE_RECORD_SETS);

        assertThatThrownBy(() -> run(s, "secondary", false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("maintenance.example.com", "not overwriting");
        assertThat(s.calls(Api.CHANGE_RECORD_SETS)).isEqualTo(changes);
    }

    @Test
    void aMissingRecordIsNotCreated() {
        BackupSim s = BackupSim.scenario("primary-unhealthy");
        var dr = s.ctx.config().dr();
        // the simulated zone holds dr.recordName; the context asks for another name
        var elsewhere = new EnvironmentConfig.DrSettings(dr.backupNamePattern(), dr.waitTimeoutMinutes(), dr.pollSeconds(),
                dr.verifyTolerancePercent(), dr.replicationSampleSize(), dr.replicationLagMinutes(), dr.hostedZoneId(),
                "www.example.com", dr.recordType(), dr.primaryTarget(), dr.secondaryTarget(), dr.ttl(),
                dr.primaryHealthCheckId());
        OpsContext ctx = new OpsContext(s.ctx.config().withDr(elsewhere), s.ctx.ports(), s.ctx.clock(), s.ctx.sleeper(),
                s.progress::add, "alice");

        assertThatThrownBy(() -> FailoverUseCase.over(ctx).run(new FailoverRequest("secondary", false)))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("creates none");
        assertThat(s.calls(Api.CHANGE_RECORD_SETS)).isZero();
    }

    @Test
    void theTargetIsValidated() {
        assertThatThrownBy(() -> new FailoverRequest("dr", false)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("to")).hasMessageContaining("secondary, primary");
    }
}
