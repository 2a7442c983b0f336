package io.tdev.ops.incident;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.escalation.Notice;
import io.tdev.ops.api.incident.AppliedRemedy;
import io.tdev.ops.api.incident.Finding;
import io.tdev.ops.api.incident.IncidentRequest;
import io.tdev.ops.api.incident.IncidentResult;
import io.tdev.ops.api.incident.IncidentUseCase;
import io.tdev.ops.api.incident.Remedy;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each playbook on its scenario: the diagnosis names the cause, the plan is the runbook's, --apply performs it. */
class IncidentScenarioTest {
    private SimEnvironment sim;

    private IncidentResult run(String scenario, String level, String agent, List<String> apply, boolean dryRun) {
        sim = SimEnvironment.scenario(scenario, ConfigLoader.builtIn("production"));
        OpsContext context = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), Progress.NONE, "alice");
        return IncidentUseCase.over(context).run(new IncidentRequest(level, agent, apply, dryRun, null, null, false));
    }

    private static Finding finding(IncidentResult r, String name) {
        return r.diagnosis().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no finding " + name + " in " + r.diagnosis()));
    }

    @Test
    void p0AfterABadDeployProposesTheRollbackAndAppliedRollsBackUntilTargetsAreHealthy() {
        IncidentResult proposed = run("outage-after-deploy", "P0", null, List.of(), false);

        assertThat(proposed.status()).isEqualTo("DIAGNOSED");
        assertThat(finding(proposed, "target-health").status()).isEqualTo("BAD");
        assertThat(finding(proposed, "deploy-before-outage").value()).contains(":43 deployed 40 min ago");
        assertThat(proposed.plan()).extracting(Remedy::remedy).containsExactly("rollback");
        assertThat(proposed.plan().get(0).command()).isEqualTo(
                "tdev-ops rollback --env production --target last-known-good --reason \"P0 incident\"");
        assertThat(sim.currentRevision().revision()).as("nothing changes without --apply").isEqualTo(43);
        assertThat(proposed.escalation()).extracting(Notice::status).containsExactly("NOTIFIED");

        IncidentResult applied = run("outage-after-deploy", "P0", null, List.of("rollback"), false);

        assertThat(applied.status()).isEqualTo("REMEDIATED");
        assertThat(applied.applied()).extracting(AppliedRemedy::remedy, AppliedRemedy::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rollback", "COMPLETED"));
        assertThat(applied.applied().get(0).actions()).isNotEmpty();
        assertThat(sim.currentRevision().revision()).isEqualTo(42);
        assertThat(sim.targets()).allMatch(t -> t.state() == TargetState.HEALTHY);
        assertThat(applied.markdown()).contains("## Immediate action").contains("rollback: **COMPLETED**")
                .contains("## Root cause").contains(":43 was deployed at");
    }

    @Test
    void p0FromTrafficProposesScaleToTenNotARollback() {
        IncidentResult r = run("traffic-spike", "P0", null, List.of("all"), false);

        assertThat(finding(r, "traffic").status()).isEqualTo("BAD");
        assertThat(finding(r, "deploy-before-outage").status()).isEqualTo("OK");
        assertThat(r.plan()).extracting(Remedy::remedy).containsExactly("scale");
        assertThat(r.applied()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("COMPLETED"));
        assertThat(sim.desiredCount()).isEqualTo(10);
        assertThat(sim.currentRevision().revision()).isEqualTo(42);
        assertThat(sim.calls(Api.UPDATE_SERVICE)).as("a desired count change, not a new revision").isPositive();
    }

    @Test
    void p1NamesTheSlowAgentWithItsPercentilesAndProposesClearCacheAndScale() {
        IncidentResult r = run("slow-agent", "P1", null, List.of(), false);

        Finding slow = finding(r, "slow-agent:generation");
        assertThat(slow.status()).isEqualTo("BAD");
        assertThat(slow.evidence()).contains("p50").contains("p95").contains("max").contains("SLO 10 s");
        assertThat(r.diagnosis()).noneMatch(f -> f.name().startsWith("slow-agent:") && !f.name().equals("slow-agent:generation"));
        assertThat(r.plan()).extracting(Remedy::remedy).containsExactly("clear-cache", "scale");
        assertThat(r.escalation()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.to()).containsExactly("backend-lead");
        });
        assertThat(sim.calls(Api.START_QUERY)).isPositive();
    }

    @Test
    void p1WithAStaleCacheClearsItWhenApplied() {
        IncidentResult r = run("cache-degraded", "P1", null, List.of("clear-cache"), false);

        assertThat(r.applied()).extracting(AppliedRemedy::status).containsExactly("DONE");
        assertThat(sim.cacheStale()).isFalse();
        assertThat(sim.calls(Api.ADMIN_CLEAR_CACHE)).isEqualTo(1);
    }

    @Test
    void p2RestartsOnlyTheFailingAgent() {
        IncidentResult r = run("failing-agent", "P2", null, List.of("all"), false);

        assertThat(finding(r, "failing-agent").value()).isEqualTo("search");
        assertThat(finding(r, "failing-agent").evidence()).contains("since 2026-11-26 08:3").contains("% of all failed");
        assertThat(sim.restartedAgents()).containsExactly("search");
        assertThat(r.status()).isEqualTo("REMEDIATED");
    }

    @Test
    void aDryRunPlansTheRemediesThroughTheirOwnDryRunsAndChangesNothing() {
        IncidentResult r = run("outage-after-deploy", "P0", null, List.of("all"), true);

        assertThat(r.applied()).extracting(AppliedRemedy::status).containsExactly("PLANNED");
        assertThat(sim.currentRevision().revision()).isEqualTo(43);
        assertThat(sim.calls(Api.UPDATE_SERVICE)).isZero();
    }

    @Test
    void aRemedyTheDiagnosisDoesNotProposeIsRefusedBeforeAnythingChanges() {
        assertThatThrownBy(() -> run("traffic-spike", "P0", null, List.of("rollback"), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("apply"))
                .hasMessageContaining("proposed: scale");
        assertThat(sim.calls(Api.UPDATE_SERVICE)).isZero();
        assertThatThrownBy(() -> new IncidentRequest("P4", null, List.of(), false, null, null, false))
                .hasMessageContaining("P0, P1, P2");
        assertThatThrownBy(() -> new IncidentRequest("P1", null, List.of("reboot"), false, null, null, false))
                .hasMessageContaining("all, rollback, scale, clear-cache, restart-agent");
    }

    @Test
    void aFailedRemedyIsRemedyFailedWithTheCommandToRunByHand() {
        sim = SimEnvironment.scenario("failing-agent", ConfigLoader.builtIn("production"));
        sim.faults().fail(Api.ADMIN_RESTART_AGENT, 1);
        OpsContext context = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), Progress.NONE, "alice");

        IncidentResult r = IncidentUseCase.over(context).run(new IncidentRequest("P2", null, List.of("all"), false, null, null, true));

        assertThat(r.status()).isEqualTo("REMEDY_FAILED");
        assertThat(r.ok()).isFalse();
        assertThat(r.applied().get(0).note()).contains("tdev-ops restart-agent --env production --agent search");
        assertThat(r.escalation()).extracting(Notice::status).isEmpty();
    }
}
