package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ItemStatus;
import io.tdev.ops.model.TaskDefinitionRef;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.time.Instant;
import java.util.List;

import static io.jenkins.plugins.tdevops.Pipelines.fails;
import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build page says why: each health check, checklist and rollback of the build, with its evidence. */
@WithJenkins
class TdevResultsActionTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "bad-deploy");
    }

    @Test
    void anUnhealthyServiceRolledBackShowsTheVerdictItsSignalsAndTheRollbackFromTo() throws Exception {
        WorkflowRun b = fails(j, """
                def health = tdevHealthCheck()
                def rolled = tdevRollback(reason: "health ${health.status}")
                echo "rolled ${rolled.from} -> ${rolled.to}"
                error "unhealthy: ${health.reasons}"
                """);
        TdevResultsAction action = b.getAction(TdevResultsAction.class);
        assertNotNull(action, "the build has the results action");
        assertEquals("tdev-ops", action.getUrlName());
        List<ResultEntry> entries = action.getEntries();
        assertEquals(List.of("health check", "rollback"), entries.stream().map(ResultEntry::getTitle).toList());

        ResultEntry health = entries.get(0);
        assertTrue(List.of("UNHEALTHY", "DEGRADED").contains(health.getVerdict()), health.getVerdict());
        assertTrue(health.getRows().stream().anyMatch(r -> r.getName().equals("ecs-service")), "signals are rows");
        assertTrue(health.getRows().stream().allMatch(r -> !r.getStatus().isEmpty()));
        assertTrue(!health.getDetail().isEmpty(), "the reasons");

        ResultEntry rollback = entries.get(1);
        assertEquals("COMPLETED", rollback.getVerdict());
        assertTrue(rollback.getDetail().contains("\u2192"), rollback.getDetail());
        assertTrue(rollback.getDetail().contains("(health "), rollback.getDetail());
        j.assertLogContains("rolled ", b);
    }

    @Test
    void aChecklistShowsEveryItemWithItsEvidenceAndWhatFailed() throws Exception {
        WorkflowRun b = succeeds(j, "tdevPreDeployChecklist(notify: false, skip: ['tests-passed'])");
        ResultEntry checklist = b.getAction(TdevResultsAction.class).getEntries().get(0);
        assertEquals("pre-deploy checklist", checklist.getTitle());
        assertEquals(6, checklist.getRows().size());
        assertTrue(checklist.getRows().stream().anyMatch(r -> r.getName().equals("tests-passed")
                && r.getStatus().equals("SKIPPED")));
        assertTrue(List.of("PASSED", "FAILED").contains(checklist.getVerdict()));
        if (checklist.getVerdict().equals("FAILED")) {
            assertTrue(checklist.getDetail().startsWith("failed: "), checklist.getDetail());
        }
    }

    @Test
    void theEntriesComeFromTheEnginesMapsWordForWord() {
        ResultEntry checklist = ResultEntry.checklist(ChecklistResult.of("production", "svc", null, false, null,
                List.of(new ChecklistItem("backup", "Backup done", ItemStatus.FAIL, "newest backup is 30h old", null,
                                null),
                        new ChecklistItem("image-scan", "Security scan done", ItemStatus.WAIVED, "2 HIGH", "INC-1",
                                "alice")), Instant.parse("2026-12-07T09:00:00Z"), List.of()));
        assertEquals("FAILED", checklist.getVerdict());
        assertEquals("failed: backup", checklist.getDetail());
        assertEquals("2 HIGH; waived: INC-1 (by alice)", checklist.getRows().get(1).getEvidence());
        ResultEntry rollback = ResultEntry.rollback(RollbackResult.of(TaskDefinitionRef.parse("td:43"),
                TaskDefinitionRef.parse("td:42"), "previous", "the revision before td:43", ChangeStatus.FAILED, null,
                "alice", "not stable after 15m", "run tdevRollback again", null, null, null, List.of()));
        assertEquals("FAILED", rollback.getVerdict());
        assertEquals("td:43 \u2192 td:42: not stable after 15m", rollback.getDetail());
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
