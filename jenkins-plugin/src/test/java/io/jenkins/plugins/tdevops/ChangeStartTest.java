package io.jenkins.plugins.tdevops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeStartTest {
    private static final long STEP_STARTED = Instant.parse("2026-11-26T15:00:00Z").toEpochMilli();

    @Test
    void theWaitCountsFromTheEarliestActionOfTheFirstCallOnTheEnginesClock() {
        Map<String, Object> started = Map.of("actions", List.of(
                Map.of("what", "update-service", "at", "2026-01-31T09:00:05Z"),
                Map.of("what", "stop-deployment", "at", "2026-01-31T09:00:01Z"),
                Map.of("what", "notify", "at", "2026-01-31T09:00:07Z")));
        assertEquals("2026-01-31T09:00:01Z", ChangeStart.of(started, STEP_STARTED));
    }

    @Test
    void withoutTimedActionsItIsWhenTheStepStarted() {
        Map<String, Object> started = Map.of("actions", List.of(Map.of("what", "update-service")));
        assertEquals("2026-11-26T15:00:00Z", ChangeStart.of(started, STEP_STARTED));
        assertEquals("2026-11-26T15:00:00Z", ChangeStart.of(Map.of(), STEP_STARTED));
    }
}
