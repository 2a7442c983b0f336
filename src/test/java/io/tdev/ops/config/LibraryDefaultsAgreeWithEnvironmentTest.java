package io.tdev.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source of every default: the environment config ({@code env/production.yaml}, {@code env/staging.yaml}). The
 * shared library's resources repeat only what the vars compute with in Groovy (the bake loop's pace and length, the
 * timeouts they pass on, the waivable items they check), because a var cannot read the environment config before
 * its first step; this test holds every such copy equal to both environments, so the two sources cannot disagree.
 * Every other key of a resource is the library's own (what a job does with a verdict), listed here so that a new
 * key forces the choice.
 */
class LibraryDefaultsAgreeWithEnvironmentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path RESOURCES = Path.of("resources/io/tdev/ops");

    /** Resource key -> the environment config path it repeats. */
    private static final Map<String, Map<String, String>> SHARED = Map.of(
            "thresholds.yaml", Map.of(
                    "bakeMinutes", "deploy.bakeMinutes",
                    "pollSeconds", "deploy.pollSeconds",
                    "deployTimeoutMinutes", "deploy.stableTimeoutMinutes",
                    "rollbackTimeoutMinutes", "deploy.stableTimeoutMinutes"),
            "checklist.yaml", Map.of(
                    "waivable", "checklist.waivable",
                    "backupMaxAgeHours", "checklist.backupMaxAgeHours",
                    "scanSeverity", "checklist.scanSeverity"));

    /** Keys only the library has: what a job does with results, which the engine does not decide. */
    private static final Map<String, Set<String>> LIBRARY_ONLY = Map.of(
            "thresholds.yaml", Set.of("rollbackOn", "confirmTimeoutMinutes", "verifyMinutes", "unstableOn", "failOn",
                    "windowMinutes"),
            "checklist.yaml", Set.of("skip", "takeBackup", "notifyTeam", "approvers", "approvalTimeoutMinutes"),
            "backup.yaml", Set.of("verify", "integrityCheckDay", "drCheck", "confirmTimeoutMinutes"),
            "schedule.yaml", Set.of("unstableOnMissedSlo", "askBeforeChanges", "approvalTimeoutMinutes", "notifyTeam"),
            "security.yaml", Set.of("windowHours", "unstableOn", "actions", "approvalTimeoutMinutes"));

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging"})
    void everyValueTheLibraryRepeatsIsTheEnvironmentsOwn(String environment) throws IOException {
        JsonNode env = environment(environment);
        List<String> disagreements = new ArrayList<>();
        SHARED.forEach((resource, keys) -> {
            JsonNode library = read(RESOURCES.resolve(resource));
            keys.forEach((key, envPath) -> {
                JsonNode envValue = env.at("/" + envPath.replace('.', '/'));
                assertThat(envValue.isMissingNode()).as("%s has %s", environment, envPath).isFalse();
                if (!library.path(key).equals(envValue)) {
                    disagreements.add(resource + " " + key + ": " + library.path(key) + " but " + environment + ".yaml "
                            + envPath + ": " + envValue);
                }
            });
        });
        assertThat(disagreements).as("library resources that disagree with the environment config").isEmpty();
    }

    @Test
    void everyKeyOfEveryResourceIsEitherTheEnvironmentsOrTheLibrarysOwn() throws IOException {
        try (var files = Files.list(RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String name = file.getFileName().toString();
                Set<String> keys = new TreeSet<>();
                read(file).fieldNames().forEachRemaining(keys::add);
                Set<String> known = new TreeSet<>(LIBRARY_ONLY.getOrDefault(name, Set.of()));
                known.addAll(SHARED.getOrDefault(name, Map.of()).keySet());
                assertThat(keys).as("keys of %s: each either repeats an environment value (SHARED) or is the library's own"
                        + " (LIBRARY_ONLY)", name).isSubsetOf(known);
            }
        }
    }

    private static JsonNode environment(String name) {
        try (InputStream in = LibraryDefaultsAgreeWithEnvironmentTest.class.getResourceAsStream("/io/tdev/ops/env/" + name + ".yaml")) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
