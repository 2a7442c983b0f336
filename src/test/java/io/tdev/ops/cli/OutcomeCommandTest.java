package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The base of every typed command: one request in, one result record out, rendered three ways, exit from ok(). */
class OutcomeCommandTest {
    record Row(String name, int count) {
    }

    record ProbeResult(boolean ok, String service, List<Row> rows) implements Outcome {
        @Override
        public String markdown() {
            return "| name | count |\n|---|---|\n" + rows.stream().map(r -> "| " + r.name() + " | " + r.count() + " |")
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    /** A request that validates itself, naming its field in camelCase of the option. */
    record ProbeRequest(int maxRows) {
        ProbeRequest {
            if (maxRows < 1 || maxRows > 5) {
                throw new InvalidInputException("maxRows", "got " + maxRows + "; allowed 1..5");
            }
        }
    }

    @Command(name = "probe")
    static final class ProbeCommand extends OutcomeCommand<ProbeResult> {
        @Option(names = "--max-rows")
        int maxRows = 2;

        @Option(names = "--fail")
        boolean fail;

        @Override
        protected ProbeResult run(OpsContext context) {
            ProbeRequest request = new ProbeRequest(maxRows);
            List<Row> rows = java.util.stream.IntStream.rangeClosed(1, request.maxRows())
                    .mapToObj(i -> new Row("r" + i, i)).toList();
            return new ProbeResult(!fail, context.config().ecs().service(), rows);
        }
    }

    private final CliOutput printed = CliOutput.ofLatestRun();

    private int run(String... args) {
        SessionFactory sim = (common, aws, progress) -> {
            var config = ConfigLoader.load(common.env(), common.config());
            SimEnvironment env = SimEnvironment.scenario("healthy", config);
            return new OpenContext(new OpsContext(config, env.ports(), env.clock(), env.sleeper(), progress, "alice"),
                    null);
        };
        CommandLine cli = Main.commandLine(new Main(sim));
        cli.addSubcommand("probe", new ProbeCommand());
        return printed.run(cli, args);
    }

    @Test
    void jsonIsTheResultRecordsComponentsAndAnOkResultExitsZero() throws Exception {
        int exit = run("probe", "--simulate", "--output", "json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(printed.out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("service").asText()).isEqualTo("t-developer-service-production");
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.get("rows").get(1).get("count").asInt()).isEqualTo(2);
    }

    @Test
    void aResultThatIsNotOkExitsOne() {
        assertThat(run("probe", "--simulate", "--fail")).isEqualTo(1);
        assertThat(printed.out()).contains("ok: false");
    }

    @Test
    void markdownIsTheResultsOwnRendering() {
        run("probe", "--simulate", "--env", "staging", "--max-rows", "3", "--output", "markdown");

        assertThat(printed.out()).contains("| name | count |").contains("| r3 | 3 |");
    }

    @Test
    void anInvalidRequestIsExitTwoNamingTheCommandsOwnOptionAndPrintsTheErrorObjectInJson() throws Exception {
        int exit = run("probe", "--simulate", "--max-rows", "9", "--output", "json");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.err()).contains("--max-rows").contains("allowed 1..5");
        JsonNode error = new ObjectMapper().readTree(printed.out()).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("invalid-input");
        assertThat(error.get("field").asText()).isEqualTo("--max-rows");
    }
}
