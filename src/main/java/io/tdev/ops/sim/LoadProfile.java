package io.tdev.ops.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual users a load test (k6 in the runbook: 100 users for 10 minutes) sends at the service, over time.
 * Each user adds CPU demand and requests; past saturation, requests queue and the ALB's response time rises, and
 * far past it the service sheds load with 5xx. More tasks spread the demand, so the same test that overloads three
 * tasks passes on ten.
 */
final class LoadProfile {
    /** Task-percent of CPU one virtual user asks for. */
    static final double CPU_PER_USER = 4.5;
    /** Requests per second one virtual user sends. */
    static final double REQUESTS_PER_USER = 1.0;
    /** Demand per task (percent) past which requests queue. */
    static final double SATURATION = 85;
    /** Seconds of queueing per 100 % of demand past saturation. */
    static final double QUEUE_SECONDS = 30;
    /** Demand per task past which the service answers some requests with 5xx. */
    static final double SHEDDING = 120;

    private record Phase(Instant from, Instant to, int users) {
    }

    private final List<Phase> phases = new ArrayList<>();

    void add(Instant from, Duration duration, int users) {
        phases.add(new Phase(from, from.plus(duration), users));
    }

    int usersAt(Instant now) {
        return phases.stream().filter(p -> !now.isBefore(p.from()) && now.isBefore(p.to()))
                .mapToInt(Phase::users).sum();
    }

    /** Ends every phase at {@code now}: the load tool was told to stop. */
    void stop(Instant now) {
        phases.replaceAll(p -> p.to().isAfter(now) ? new Phase(p.from(), now.isAfter(p.from()) ? now : p.from(),
                p.users()) : p);
    }
}
