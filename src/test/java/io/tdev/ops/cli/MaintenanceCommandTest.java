package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tdev-ops maintenance}: the JSON keys the issue pins, exit codes, Markdown, bad input. */
class MaintenanceCommandTest {
    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        return printed.run(Main.commandLine(new Main()), args);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theJsonContract() throws Exception {
        int exit = run("maintenance", "--simulate", "--scenario", "needs-maintenance", "--dry-run", "--output", "json");

        assertThat(exit).as("findings need a person").isEqualTo(1);
        JsonNode r = new ObjectMapper().readTree(printed.out());
        assertThat(keys(r)).contains("passed", "tasks");
        assertThat(r.get("passed").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        r.get("tasks").forEach(t -> {
            names.add(t.get("name").asText());
            assertThat(keys(t)).contains("name", "status", "summary", "findings", "actions");
            assertThat(t.get("status").asText()).isIn("OK", "CHANGED", "PLANNED", "FINDINGS", "FAILED", "SKIPPED");
        });
        assertThat(names).containsExactly("log-retention", "image-scan", "stale-objects", "task-definitions",
                "backup-integrity");
        JsonNode action = r.get("tasks").get(0).get("actions").get(0);
        assertThat(keys(action)).contains("what", "target", "before", "after", "at", "dryRun");
        assertThat(action.get("dryRun").asBoolean()).isTrue();
        assertThat(printed.err()).contains("tasks that need a person: image-scan FINDINGS");
    }

    @Test
    void onlyTheAskedTasksAndExitZeroWhenNothingNeedsAPerson() {
        assertThat(run("maintenance", "--simulate", "--tasks", "log-retention,task-definitions", "--output", "markdown"))
                .isZero();
        assertThat(printed.out()).contains("| log-retention | CHANGED |").contains("| task-definitions | OK |")
                .doesNotContain("| image-scan |").contains("### Monthly checklist").contains("- [ ] patches");
    }

    @Test
    void badInputIsExitTwoNamingTheOption() {
        assertThat(run("maintenance", "--simulate", "--retention-days", "31")).isEqualTo(2);
        assertThat(printed.err()).contains("--retention-days").contains("30");
        assertThat(run("maintenance", "--simulate", "--tasks", "vacuum")).isEqualTo(2);
        assertThat(printed.err()).contains("--tasks").contains("backup-integrity");
    }
}
