package io.tdev.ops.security;

import io.tdev.ops.api.PlainValues;
import io.tdev.ops.api.security.LockdownBucketRequest;
import io.tdev.ops.api.security.LockdownBucketResult;
import io.tdev.ops.api.security.LockdownBucketUseCase;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lockdown and restore of the projects bucket: each data-safety rule of {@link BucketLockdown}. */
class BucketLockdownScenarioTest {
    private static final String SAVED_IN = "t-developer/production/bucket-policy-backup";

    private static LockdownBucketResult run(SecuritySims s, boolean restore, boolean dryRun) {
        return LockdownBucketUseCase.over(s.context).run(new LockdownBucketRequest(restore, dryRun));
    }

    private static SecuritySims withPolicy(String policy) {
        return new SecuritySims(SimEnvironment.builder(TestConfigs.production()).bucketPolicy(policy).build());
    }

    @Test
    void lockdownThenRestoreGivesBackTheVeryPolicyTextAndTheJsonKeysAreThePinnedOnes() {
        String original = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"AllowCdn\", \"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"cloudfront.amazonaws.com\"}, \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::t-developer-projects-production/*\"}]\n}";
        SecuritySims s = withPolicy(original);

        LockdownBucketResult locked = run(s, false, false);
        String lockdownPolicy = s.sim.bucketPolicy().orElseThrow();
        LockdownBucketResult restored = run(s, true, false);

        assertThat(locked.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(locked.hadPolicy()).isTrue();
        assertThat(locked.actions()).extracting(a -> a.what()).containsExactly("save bucket policy before lockdown",
                "put emergency lockdown bucket policy");
        assertThat(lockdownPolicy).contains("\"Effect\":\"Deny\"").contains("\"Action\":\"s3:*\"")
                .contains("arn:aws:s3:::t-developer-projects-production/*")
                .contains("\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/t-developer-break-glass-production\"}");
        assertThat(restored.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(s.sim.bucketPolicy()).contains(original);
        assertThat(PlainValues.map(locked)).containsOnlyKeys("bucket", "mode", "status", "savedIn", "hadPolicy",
                "message", "next", "actions").containsEntry("savedIn", SAVED_IN).containsEntry("mode", "lockdown");
    }

    @Test
    void withoutAPolicyBeforeTheLockdownRestoreDeletesThePolicy() {
        SecuritySims s = withPolicy(null);

        LockdownBucketResult locked = run(s, false, false);
        assertThat(s.sim.bucketPolicy()).isPresent();
        LockdownBucketResult restored = run(s, true, false);

        assertThat(locked.hadPolicy()).isFalse();
        assertThat(s.sim.secretValue(SAVED_IN).orElseThrow()).contains("hadPolicy: false").contains("state: RESTORED");
        assertThat(restored.actions().get(0).what()).startsWith("delete bucket policy");
        assertThat(s.sim.bucketPolicy()).isEmpty();
        assertThat(s.sim.calls(Api.DELETE_BUCKET_POLICY)).isEqualTo(1);
        assertThat(s.sim.calls(Api.PUT_BUCKET_POLICY)).isEqualTo(1);
    }

    @Test
    void aSecondLockdownSaysSoAndNeverOverwritesTheSavedPolicy() {
        SecuritySims s = SecuritySims.scenario("healthy");
        String original = s.sim.bucketPolicy().orElseThrow();
        run(s, false, false);
        Map<String, ?> versions = s.sim.secretStages(SAVED_IN);

        LockdownBucketResult again = run(s, false, false);

        assertThat(again.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(again.ok()).isTrue();
        assertThat(again.message()).contains("already locked down").contains("was not touched");
        assertThat(again.actions()).isEmpty();
        assertThat(s.sim.secretStages(SAVED_IN)).isEqualTo(versions);
        assertThat(s.sim.secretValue(SAVED_IN).orElseThrow()).endsWith(original);
    }

    @Test
    void aDryRunReturnsThePlanTheRealRunAppliesAndChangesNothing() {
        SecuritySims s = SecuritySims.scenario("healthy");
        Optional<String> before = s.sim.bucketPolicy();

        LockdownBucketResult plan = run(s, false, true);
        assertThat(s.sim.bucketPolicy()).isEqualTo(before);
        assertThat(s.sim.secretValue(SAVED_IN)).isEmpty();
        LockdownBucketResult real = run(s, false, false);

        assertThat(plan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.dryRun()).isTrue());
        assertThat(plan.actions()).extracting(a -> a.what() + " " + a.target() + " " + a.before() + " " + a.after())
                .isEqualTo(real.actions().stream().map(a -> a.what() + " " + a.target() + " " + a.before() + " " + a.after()).toList());
        LockdownBucketResult restorePlan = run(s, true, true);
        assertThat(restorePlan.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(s.sim.bucketPolicy().orElseThrow()).contains(LockdownPolicy.SID);
    }

    @Test
    void aLockdownThatStoppedAfterSavingSaysSoAndTheNextRunFinishesItFromTheSavedCopy() {
        SecuritySims s = SecuritySims.scenario("healthy");
        String original = s.sim.bucketPolicy().orElseThrow();
        s.sim.faults().fail(Api.PUT_BUCKET_POLICY, 1);

        assertThatThrownBy(() -> run(s, false, false)).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("save bucket policy before lockdown done")
                .hasMessageContaining("the bucket is NOT locked down yet")
                .hasMessageContaining("run `tdev-ops lockdown-bucket` again");
        assertThat(s.sim.bucketPolicy()).contains(original);
        LockdownBucketResult resumed = run(s, false, false);

        assertThat(resumed.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(resumed.message()).contains("resuming");
        assertThat(resumed.actions()).extracting(a -> a.what()).containsExactly("put emergency lockdown bucket policy");
        run(s, true, false);
        assertThat(s.sim.bucketPolicy()).contains(original);
    }

    @Test
    void aPolicyChangedByHandDuringTheLockdownIsNeverOverwrittenByRestoreOrLockdown() {
        SecuritySims s = SecuritySims.scenario("healthy");
        run(s, false, false);
        String byHand = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ForensicsRead\",\"Effect\":\"Allow\"}]}";
        s.sim.bucketPolicy(byHand);

        assertThatThrownBy(() -> run(s, true, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("someone changed it").hasMessageContaining("Nothing was changed");
        assertThatThrownBy(() -> run(s, false, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("someone changed it");
        assertThat(s.sim.bucketPolicy()).contains(byHand);
    }

    @Test
    void restoreWithoutALockdownIsAPreconditionAndChangesNothing() {
        SecuritySims s = SecuritySims.scenario("healthy");
        Optional<String> before = s.sim.bucketPolicy();

        assertThatThrownBy(() -> run(s, true, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("nothing was changed");
        assertThat(s.sim.bucketPolicy()).isEqualTo(before);
    }

    @Test
    void aLockdownAfterARestoreSavesANewCopyAsANewVersionKeepingTheOldOne() {
        SecuritySims s = SecuritySims.scenario("healthy");
        run(s, false, false);
        run(s, true, false);
        String edited = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Edited\",\"Effect\":\"Deny\"}]}";
        s.sim.bucketPolicy(edited);

        LockdownBucketResult second = run(s, false, false);
        run(s, true, false);

        assertThat(second.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(s.sim.secretStages(SAVED_IN)).hasSize(4).containsValue(java.util.List.of("AWSPREVIOUS"));
        assertThat(s.sim.bucketPolicy()).contains(edited);
    }

    @Test
    void theLockedDownScenarioIsWhatTheLockdownWritesSoItsRestoreDeletesThePolicy() {
        SecuritySims s = SecuritySims.scenario("bucket-locked-down");

        LockdownBucketResult again = run(s, false, false);
        LockdownBucketResult restored = run(s, true, false);

        assertThat(again.status()).isEqualTo(ChangeStatus.UNCHANGED);
        assertThat(restored.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(s.sim.bucketPolicy()).isEmpty();
        assertThat(LockdownPolicy.json("t-developer-projects-production", "t-developer-break-glass-production"))
                .isEqualTo(SecuritySims.scenario("bucket-locked-down").sim.bucketPolicy().orElseThrow());
    }

    @Test
    void policiesAreComparedWithoutLayoutButWithEveryValue() {
        assertThat(LockdownPolicy.same("{\"a\": [1, 2]}", "{\"a\":[1,2]}")).isTrue();
        assertThat(LockdownPolicy.same("{\"a\":\"x y\"}", "{\"a\":\"xy\"}")).isFalse();
        assertThat(LockdownPolicy.same(null, null)).isTrue();
        assertThat(LockdownPolicy.same(null, "{}")).isFalse();
    }

    @Test
    void aSavedCopyThatIsNotOursIsRefusedBeforeAnythingChanges() {
        SimEnvironment sim = SimEnvironment.builder(TestConfigs.production()).secret(SAVED_IN, "{\"some\":\"json\"}").build();
        SecuritySims s = new SecuritySims(sim);

        assertThatThrownBy(() -> run(s, false, false)).isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("is not a tdev-ops bucket policy backup");
        assertThat(s.sim.calls(Api.PUT_BUCKET_POLICY)).isZero();
    }
}
