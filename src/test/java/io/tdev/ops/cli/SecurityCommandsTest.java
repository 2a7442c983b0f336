package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** security-check, rotate-secret and lockdown-bucket through the CLI on the simulation: exit codes, JSON, no secret. */
class SecurityCommandsTest {
    private final CliOutput printed = CliOutput.ofLatestRun();
    private final List<SimEnvironment> opened = new ArrayList<>();

    private int run(String... args) {
        SessionFactory sim = (common, aws, progress) -> {
            var config = ConfigLoader.load(common.env(), common.config());
            SimEnvironment env = SimEnvironment.scenario(common.scenario() == null ? "healthy" : common.scenario(), config);
            opened.add(env);
            return new OpenContext(new OpsContext(config, env.ports(), env.clock(), env.sleeper(), progress, "alice"), null);
        };
        return printed.run(Main.commandLine(new Main(sim)), args);
    }

    @Test
    void securityCheckExitsZeroWhenCleanAndOneOnFindingsWithThePinnedJsonKeys() throws Exception {
        assertThat(run("security-check", "--simulate")).isZero();
        assertThat(run("security-check", "--simulate", "--scenario", "open-port-22", "--output", "json")).isEqualTo(1);

        JsonNode json = new ObjectMapper().readTree(printed.out());
        assertThat(json.get("status").asText()).isEqualTo("CRITICAL");
        assertThat(json.get("signals").get(2).fieldNames()).toIterable().containsExactly("name", "status", "value",
                "evidence");
    }

    @Test
    void aWindowOutsideTheRangeIsExitTwoNamingTheOption() {
        assertThat(run("security-check", "--simulate", "--window-hours", "0")).isEqualTo(2);
        assertThat(printed.err()).contains("--window-hours").contains("allowed 1..168");
    }

    @Test
    void rotateSecretNeverPrintsAValueOnStdoutOrStderrInAnyFormat() {
        for (String output : List.of("text", "json", "markdown")) {
            for (String scenario : List.of("healthy", "stale-secret")) {
                assertThat(run("rotate-secret", "--simulate", "--scenario", scenario, "--output", output)).isZero();
                String everything = printed.out() + printed.err();
                SimEnvironment sim = opened.get(opened.size() - 1);
                assertThat(sim.secretValues()).hasSizeGreaterThan(2)
                        .allSatisfy(value -> assertThat(everything).doesNotContain(value));
                assertThat(everything).contains("AWSCURRENT");
            }
        }
    }

    @Test
    void lockdownBucketLocksDownAndRestoreOnTheLockedDownScenarioDeletesThePolicy() throws Exception {
        assertThat(run("lockdown-bucket", "--simulate", "--output", "json")).isZero();
        assertThat(new ObjectMapper().readTree(printed.out()).get("status").asText()).isEqualTo("COMPLETED");

        assertThat(run("lockdown-bucket", "--restore", "--simulate", "--scenario", "bucket-locked-down")).isZero();
        assertThat(opened.get(opened.size() - 1).bucketPolicy()).isEmpty();

        assertThat(run("lockdown-bucket", "--restore", "--simulate")).isEqualTo(1);
        assertThat(printed.err()).contains("does not exist");
    }
}
