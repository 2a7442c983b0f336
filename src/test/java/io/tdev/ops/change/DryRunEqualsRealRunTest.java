package io.tdev.ops.change;

import io.tdev.ops.api.change.*;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.model.Action;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run returns the plan; the real run applies that plan's steps (issue 8): on the same simulated world, the
 * planned actions equal the applied ones (what, target, before, after). Two values only the real run can know are
 * named by the plan and filled in by it: a new revision's number (ECS gives it at registration) and the SNS
 * message id of the notification.
 */
class DryRunEqualsRealRunTest {
    private record Step(String what, String target, String before, String after) {
    }

    private static List<Step> steps(List<Action> actions) {
        return actions.stream().map(a -> new Step(a.what(), a.target(), a.before(),
                a.what().equals("notify") ? "(message)" : a.after())).toList();
    }

    private static RollbackRequest rollback(String target, boolean dryRun) {
        return RollbackRequest.of(target, "error rate after deploy", true, null, true, dryRun);
    }

    @Test
    void aRollbackAppliesTheStepsItsDryRunPlanned() {
        SimRun run = SimRun.scenario("healthy");
        new Deploy(run.ctx).run(new DeployRequest(run.sim.imageUri("2.0.43"), null, true, null, false));

        RollbackResult planned = new Rollback(run.ctx).run(rollback("previous", true));
        RollbackResult done = new Rollback(run.ctx).run(rollback("previous", false));

        assertThat(planned.status()).isEqualTo(ChangeStatus.PLANNED);
        assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(planned.actions()).allMatch(Action::dryRun);
        assertThat(done.actions()).noneMatch(Action::dryRun);
        assertThat(steps(done.actions())).isEqualTo(steps(planned.actions()))
                .extracting(Step::what).containsExactly("update service", "notify");
    }

    @Test
    void aRollbackThatStopsARolloutFirstAppliesThePlannedStopAndUpdate() {
        SimRun run = SimRun.scenario("deployment-in-progress");

        RollbackResult planned = new Rollback(run.ctx).run(rollback("previous", true));
        RollbackResult done = new Rollback(run.ctx).run(rollback("previous", false));

        assertThat(steps(planned.actions())).extracting(Step::what).startsWith("stop deployment");
        assertThat(done.stoppedDeploymentId()).isNotNull();
        assertThat(steps(done.actions())).isEqualTo(steps(planned.actions()));
    }

    @Test
    void aDeployAppliesTheStepsItsDryRunPlannedWithTheRevisionEcsRegistered() {
        SimRun run = SimRun.scenario("healthy");
        DeployRequest request = new DeployRequest(run.sim.imageUri("2.0.43"), null, true, null, true);

        DeployResult planned = new Deploy(run.ctx).run(request);
        DeployResult done = new Deploy(run.ctx).run(new DeployRequest(request.image(), null, true, null, false));

        assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
        String newRevision = done.from().family() + Deploy.NEW_REVISION;
        List<Step> expected = steps(planned.actions()).stream()
                .map(s -> newRevision.equals(s.after()) ? new Step(s.what(), s.target(), s.before(), done.to().toString()) : s)
                .toList();
        assertThat(steps(planned.actions())).extracting(Step::after).contains(newRevision);
        assertThat(steps(done.actions())).isEqualTo(expected)
                .extracting(Step::what).containsExactly("register task definition", "update service");
    }

    @Test
    void aScaleAppliesTheStepsItsDryRunPlannedIncludingTheAutoscalingBounds() {
        SimRun run = SimRun.scenario("healthy");

        ScaleResult planned = new Scale(run.ctx).run(ScaleRequest.of("10", false, true, null, true));
        ScaleResult done = new Scale(run.ctx).run(ScaleRequest.of("10", false, true, null, false));

        assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
        assertThat(steps(done.actions())).isEqualTo(steps(planned.actions()))
                .extracting(Step::what).containsExactly("set autoscaling capacity", "set desired count");
    }
}
