package io.tdev.ops.api.change;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TaskDefinitionRef;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A change started with {@code wait: false} that its caller waits for by itself (the Jenkins step, across controller
 * restarts): which change, on which service, from what to what, since when and until when it is waited for, and the
 * few facts the final result repeats. The least state that survives a restart (the habit of SleepStep): Strings,
 * longs, ints and booleans, no engine output and no maps. Made by the engine from a STARTED result
 * ({@link RolloutWatchUseCase#pending}); looked at and finished only by the engine ({@link RolloutWatchUseCase}).
 *
 * <p>A final class, not a record: Jenkins keeps a waiting step in program.dat with JBoss Marshalling River, whose
 * record support cannot be counted on; plain serializable fields it has always handled.
 */
public final class PendingChange implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int NONE = Integer.MIN_VALUE;
    private static final long NO_TIME = Long.MIN_VALUE;

    /** Which change is rolling out. */
    public enum Kind { ROLLBACK, DEPLOY, SCALE }

    private final String kind;
    private final String environment;
    private final String cluster;
    private final String service;
    private final String from;
    private final String to;
    /** The revision the rollout should reach, or null (a scaling: whatever the PRIMARY deployment runs). */
    private final String revision;
    /** The desired count the rollout should reach, or {@link #NONE} (the service's own). */
    private final int desiredCount;
    private final long sinceMillis;
    private final long deadlineMillis;
    private final boolean notifyTeam;
    private final Step[] actions;
    // a rollback's facts
    private String target;
    private String chosenBecause;
    private String reason;
    private String by;
    private String notification;
    private String stoppedDeploymentId;
    // a deploy's facts
    private String image;
    private String container;
    private String deploymentId;
    // a scaling's facts
    private String requested;
    private int minCapacity = NONE;
    private int maxCapacity = NONE;
    private int previousMinCapacity = NONE;
    private int previousMaxCapacity = NONE;
    private String restore;

    /** One action already done, in a form that serializes anywhere. */
    private static final class Step implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String what;
        private final String target;
        private final String before;
        private final String after;
        private final long atMillis;

        private Step(Action a) {
            this.what = a.what();
            this.target = a.target();
            this.before = a.before();
            this.after = a.after();
            this.atMillis = a.at() == null ? NO_TIME : a.at().toEpochMilli();
        }

        private Action action() {
            return new Action(what, target, before, after, atMillis == NO_TIME ? null : Instant.ofEpochMilli(atMillis),
                    false);
        }
    }

    private PendingChange(Kind kind, String environment, ServiceRef service, ChangeResult started, String revision,
                          int desiredCount, Instant since, Instant deadline, boolean notifyTeam) {
        if (environment == null || service == null || since == null || deadline == null) {
            throw new IllegalArgumentException("a pending change needs its environment, service, since and deadline");
        }
        started.status().requireStarted();
        this.kind = kind.name();
        this.environment = environment;
        this.cluster = service.cluster();
        this.service = service.service();
        this.from = String.valueOf(started.from());
        this.to = String.valueOf(started.to());
        this.revision = revision;
        this.desiredCount = desiredCount;
        this.sinceMillis = since.toEpochMilli();
        this.deadlineMillis = deadline.toEpochMilli();
        this.notifyTeam = notifyTeam;
        this.actions = started.actions().stream().map(Step::new).toArray(Step[]::new);
    }

    /**
     * The pending change of a STARTED deploy, rollback or scaling of {@code service} in {@code environment}, waited for
     * from {@code since} until {@code deadline} (the engine's clock).
     *
     * @param notifyTeam a rollback: tell the team the final outcome; null = when it was told of the start
     */
    public static PendingChange of(ChangeResult started, String environment, ServiceRef service, Instant since,
                                   Instant deadline, Boolean notifyTeam) {
        if (started instanceof RollbackResult r) {
            PendingChange p = new PendingChange(Kind.ROLLBACK, environment, service, r, r.to().toString(), NONE, since,
                    deadline, notifyTeam != null ? notifyTeam : r.notification() != null);
            p.target = r.target();
            p.chosenBecause = r.chosenBecause();
            p.reason = r.reason();
            p.by = r.by();
            p.notification = r.notification();
            p.stoppedDeploymentId = r.stoppedDeploymentId();
            return p;
        }
        if (started instanceof DeployResult d) {
            PendingChange p = new PendingChange(Kind.DEPLOY, environment, service, d, d.to().toString(), NONE, since,
                    deadline, false);
            p.image = d.image();
            p.container = d.container();
            p.deploymentId = d.deploymentId();
            return p;
        }
        if (started instanceof ScaleResult s) {
            PendingChange p = new PendingChange(Kind.SCALE, environment, service, s, null, s.to(), since, deadline,
                    false);
            p.requested = s.requested();
            p.minCapacity = orNone(s.minCapacity());
            p.maxCapacity = orNone(s.maxCapacity());
            p.previousMinCapacity = orNone(s.previousMinCapacity());
            p.previousMaxCapacity = orNone(s.previousMaxCapacity());
            p.restore = s.restore();
            return p;
        }
        throw new IllegalArgumentException("not a change that rolls out: " + started.getClass().getSimpleName());
    }

    public Kind kind() {
        return Kind.valueOf(kind);
    }

    /** The environment's name (the config it was made under: only that environment finishes it). */
    public String environment() {
        return environment;
    }

    public ServiceRef service() {
        return new ServiceRef(cluster, service);
    }

    /** The revision (deploy, rollback) or desired count (scale) before the change, as text. */
    public String from() {
        return from;
    }

    /** The revision or desired count the change went to, as text. */
    public String to() {
        return to;
    }

    /** The revision the rollout should reach, or null (a scaling: whatever the PRIMARY deployment runs). */
    public TaskDefinitionRef revision() {
        return revision == null ? null : TaskDefinitionRef.parse(revision);
    }

    /** The desired count the rollout should reach, or null (the service's own). */
    public Integer desiredCount() {
        return desiredCount == NONE ? null : desiredCount;
    }

    /** What the rollout should reach, for people: "revision FAMILY:N" or "10 tasks". */
    public String awaited() {
        return revision != null ? "revision " + revision : desiredCount + " tasks";
    }

    /** When the wait began (the engine's clock). */
    public Instant since() {
        return Instant.ofEpochMilli(sinceMillis);
    }

    /** When the caller gives up waiting (the engine's clock). */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    public boolean pastDeadline(Instant now) {
        return !now.isBefore(deadline());
    }

    /** A rollback that tells the team its final outcome. */
    public boolean notifyTeam() {
        return notifyTeam;
    }

    /** The STARTED result this was made from (the engine finishes through it). */
    public ChangeResult started() {
        List<Action> done = Arrays.stream(actions).map(Step::action).toList();
        return switch (kind()) {
            case ROLLBACK -> RollbackResult.of(TaskDefinitionRef.parse(from), TaskDefinitionRef.parse(to), target,
                    chosenBecause, ChangeStatus.STARTED, reason, by, startedMessage(), null, notification,
                    stoppedDeploymentId, null, done);
            case DEPLOY -> DeployResult.of(TaskDefinitionRef.parse(from), TaskDefinitionRef.parse(to), container, image,
                    ChangeStatus.STARTED, deploymentId, startedMessage(), null, null, done);
            case SCALE -> ScaleResult.of(Integer.parseInt(from), Integer.parseInt(to), requested, ChangeStatus.STARTED,
                    orNull(minCapacity), orNull(maxCapacity), orNull(previousMinCapacity), orNull(previousMaxCapacity),
                    restore, startedMessage(), null, null, done);
        };
    }

    private String startedMessage() {
        return service + ": " + kind.toLowerCase(java.util.Locale.ROOT) + " from " + from + " to " + to
                + " started; not waited for yet";
    }

    private static int orNone(Integer value) {
        return value == null ? NONE : value;
    }

    private static Integer orNull(int value) {
        return value == NONE ? null : value;
    }

    @Override
    public String toString() {
        return kind + " of " + cluster + "/" + service + " (" + environment + ") from " + from + " to " + to
                + ", waiting for " + awaited() + " from " + since() + " until " + deadline();
    }
}
