package io.tdev.ops.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened when, on the (virtual) clock, and the decisions taken with their reasons. */
final class Timeline {
    private final Clock clock;
    private final Instant start;
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private final List<Map<String, Object>> decisions = new ArrayList<>();

    Timeline(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    /**
     * Adds an entry; the same step with the same detail as the entry before is not repeated but counted
     * ({@code repeated}, {@code until}), so that a ten-minute bake of identical checks stays one line.
     */
    void add(String step, String detail) {
        if (!entries.isEmpty()) {
            Map<String, Object> last = entries.get(entries.size() - 1);
            if (step.equals(last.get("step")) && detail.equals(last.get("detail"))) {
                last.merge("repeated", 1, (a, b) -> (Integer) a + (Integer) b);
                last.put("until", clock.instant().toString());
                return;
            }
        }
        Map<String, Object> entry = stamp();
        entry.put("step", step);
        entry.put("detail", detail);
        entries.add(entry);
    }

    void decide(String decision, String why) {
        Map<String, Object> entry = stamp();
        entry.put("decision", decision);
        entry.put("why", why);
        decisions.add(entry);
    }

    Instant now() {
        return clock.instant();
    }

    String elapsed() {
        return elapsed(Duration.between(start, clock.instant()));
    }

    static String elapsed(Duration d) {
        return String.format("T+%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    List<Map<String, Object>> entries() {
        return entries;
    }

    List<Map<String, Object>> decisions() {
        return decisions;
    }

    private Map<String, Object> stamp() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("elapsed", elapsed());
        return entry;
    }
}
