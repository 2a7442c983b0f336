package io.tdev.ops.escalation;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.escalation.EscalationRequest;
import io.tdev.ops.api.escalation.EscalationResult;
import io.tdev.ops.api.escalation.EscalationUseCase;
import io.tdev.ops.api.escalation.Notice;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.api.Progress;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Escalation follows the environment's policy: whom, how and when come from config, never from code. */
class EscalationTest {
    @TempDir
    Path dir;

    private SimEnvironment sim;

    private EscalationUseCase over(EnvironmentConfig config) {
        sim = SimEnvironment.scenario("healthy", config);
        return EscalationUseCase.over(new OpsContext(config, sim.ports(), sim.clock(), sim.sleeper(), Progress.NONE, "bob"));
    }

    private EnvironmentConfig configWith(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("env.yaml"), yaml);
        return ConfigLoader.load("production", file);
    }

    @Test
    void p0GoesAtOnceToWhomTheConfigNamesThroughItsWebhookAndTopic() throws IOException {
        EnvironmentConfig config = configWith("""
                escalation:
                  policies:
                    P0: {to: [carol@ops.example, "#tdev-incidents"], channel: 'webhook:https://chat.example.com/hooks/T1/s3cr3t', afterMinutes: 0}
                    security: {to: [ciso@corp.example], channel: 'sns:t-developer-security-production', afterMinutes: 0}
                """);
        EscalationUseCase escalation = over(config);
        Instant began = sim.now().minus(Duration.ofMinutes(2));

        EscalationResult p0 = escalation.run(new EscalationRequest("P0", "[production] P0: no healthy target", "evidence",
                began, false, false));
        EscalationResult security = escalation.run(new EscalationRequest("security", "[production] leaked key", "e",
                began, false, false));

        assertThat(p0.escalation()).singleElement().satisfies(n -> {
            assertThat(n.to()).containsExactly("carol@ops.example", "#tdev-incidents");
            assertThat(n.channel()).isEqualTo("webhook:chat.example.com");
            assertThat(n.status()).isEqualTo("NOTIFIED");
        });
        assertThat(sim.webhookPosts()).singleElement().satisfies(post -> {
            assertThat(post.getKey()).isEqualTo("https://chat.example.com/hooks/T1/s3cr3t");
            assertThat(post.getValue()).contains("P0: no healthy target").contains("carol@ops.example").contains("bob");
        });
        assertThat(p0.markdown()).doesNotContain("s3cr3t");
        assertThat(security.notified()).containsExactly("ciso@corp.example");
        assertThat(sim.notifications()).singleElement().satisfies(n -> assertThat(n.toString())
                .contains("t-developer-security-production").contains("ciso@corp.example"));
    }

    @Test
    void p1IsPendingUntilFifteenMinutesThenSentIfStillUnresolvedAndNotNeededIfResolved() {
        EscalationUseCase escalation = over(ConfigLoader.builtIn("production"));
        Instant began = sim.now();

        EscalationResult early = escalation.run(new EscalationRequest("P1", "[production] P1", "", began, false, false));
        sim.advance(Duration.ofMinutes(15));
        EscalationResult resolved = escalation.run(new EscalationRequest("P1", "[production] P1", "", began, true, false));
        EscalationResult late = escalation.run(new EscalationRequest("P1", "[production] P1", "", began, false, false));

        assertThat(early.escalation()).extracting(Notice::status).containsExactly("PENDING");
        assertThat(early.nextDueAt()).isEqualTo(began.plus(Duration.ofMinutes(15)));
        assertThat(resolved.escalation()).extracting(Notice::status).containsExactly("NOT_NEEDED");
        assertThat(late.escalation()).extracting(Notice::status).containsExactly("NOTIFIED");
        assertThat(late.notified()).containsExactly("backend-lead");
        assertThat(sim.calls(Api.PUBLISH)).isEqualTo(1);
    }

    @Test
    void aDrillTellsNobodyAndSaysWhomItWouldHaveTold() {
        EscalationUseCase escalation = over(ConfigLoader.builtIn("production"));

        EscalationResult drill = escalation.run(new EscalationRequest("data-loss", "[production] drill", "", sim.now(), false, true));

        assertThat(drill.escalation()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("SKIPPED");
            assertThat(n.to()).containsExactly("everyone", "customer-notice");
        });
        assertThat(sim.calls(Api.PUBLISH)).isZero();
        assertThat(sim.calls(Api.WEBHOOK_POST)).isZero();
    }

    @Test
    void aFailingChannelIsAFailedNoticeNotAnException() {
        EscalationUseCase escalation = over(ConfigLoader.builtIn("production"));
        sim.faults().fail(Api.PUBLISH, 1);

        EscalationResult r = escalation.run(new EscalationRequest("P0", "[production] P0", "", sim.now(), false, false));

        assertThat(r.ok()).isFalse();
        assertThat(r.escalation()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("FAILED");
            assertThat(n.detail()).contains("sns:Publish");
        });
    }

    @Test
    void aKindWithoutAPolicyNotifiesNobodyAndAnUnknownKindIsInvalid() {
        EscalationUseCase escalation = over(ConfigLoader.builtIn("production"));

        assertThat(escalation.run(new EscalationRequest("P2", "[production] P2", "", sim.now(), false, false)).escalation())
                .isEmpty();
        assertThatThrownBy(() -> new EscalationRequest("P3", "s", "", sim.now(), false, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"))
                .hasMessageContaining("P0, P1, P2, security, data-loss");
    }

    @Test
    void noContactOfTheBuiltInPoliciesIsWrittenInTheCode() throws IOException {
        Set<String> contacts = new TreeSet<>();
        for (String env : List.of("production", "staging")) {
            ConfigLoader.builtIn(env).escalation().policies().values().forEach(p -> contacts.addAll(p.to()));
        }
        assertThat(contacts).isNotEmpty();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                contacts.stream().filter(c -> code.contains("\"" + c + "\"")).forEach(c -> offending.add(source + ": " + c));
            }
        }
        assertThat(offending).as("contacts written in code instead of config").isEmpty();
    }
}
