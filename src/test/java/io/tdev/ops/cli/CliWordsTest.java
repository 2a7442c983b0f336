package io.tdev.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads from the CLI speaks its own words (issue 9): no engine operation or argument name (ecsDeploy,
 * markKnownGood, stability, takeBackup, baselineTime, ...) in an error, a message, a next step, an item's evidence or
 * a note, for command lines that go wrong or half-way on the simulation. Result keys (JSON's dryRun, stability) are
 * the documented contract and not checked here.
 */
class CliWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:";
    private static final Pattern ENGINE_WORDS = Pattern.compile("\\b(ecsDeploy|markKnownGood|healthCheck|preDeployChecklist"
            + "|finishRollout|stability|takeBackup|baselineTime|testReports|waivedBy|requireHealthy|timeoutMinutes"
            + "|dryRun|scanSeverity|ignoreAlarms|backupMaxAgeHours|notifyTeam|windowMinutes|with force|notify: false"
            + "|\\(image\\))(?!\\w)");
    /** The prose fields of a result; the rest are values and keys. */
    private static final Set<String> PROSE = Set.of("message", "next", "evidence", "notes", "reasons", "value",
            "threshold", "error");

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("deploy", "--simulate", "--image", IMAGE + "2.1.0", "--no-wait"),
                List.of("deploy", "--simulate", "--scenario", "bad-deploy", "--image", IMAGE + "2.1.0"),
                List.of("deploy", "--simulate", "--image", IMAGE + "x", "--dry-run"),
                List.of("deploy", "--simulate", "--image", "t-developer-backend-production:x"),
                List.of("scale", "--simulate", "--count", "30"),
                List.of("scale", "--simulate", "--count", "1"),
                List.of("checklist", "--simulate", "--dry-run"),
                List.of("checklist", "--simulate", "--scenario", "stale-backup", "--no-notify"),
                List.of("checklist", "--simulate", "--waive", "image-scan=INC-1"),
                List.of("health", "--simulate", "--baseline-time", "2026-11-20T09:00:00Z"),
                List.of("mark-known-good", "--simulate", "--scenario", "bad-deploy"),
                List.of("rollback", "--simulate", "--scenario", "no-known-good"),
                List.of("rollback", "--simulate", "--target", "999"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void noEngineWordInWhatAPersonReads(List<String> commandLine) throws Exception {
        CliOutput printed = CliOutput.ofLatestRun();
        List<String> args = new ArrayList<>(commandLine);
        args.addAll(List.of("--output", "json"));

        int exit = printed.run(Main.commandLine(new Main()), args.toArray(String[]::new));

        List<String> read = new ArrayList<>(List.of(printed.err()));
        if (!printed.out().isBlank()) {
            prose(JSON.readTree(printed.out()), null, read);
        }
        assertThat(read).as("exit %d: %s", exit, commandLine).isNotEmpty()
                .noneSatisfy(text -> assertThat(ENGINE_WORDS.matcher(text).find()).as(text).isTrue());
    }

    private static void prose(JsonNode node, String key, List<String> into) {
        if (node.isTextual() && key != null && PROSE.contains(key)) {
            into.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> prose(n, key, into));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                prose(e.getValue(), e.getKey(), into);
            }
        }
    }
}
