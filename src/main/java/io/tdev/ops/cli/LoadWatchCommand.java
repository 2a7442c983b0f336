package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.LoadWatchRequest;
import io.tdev.ops.api.traffic.LoadWatchResult;
import io.tdev.ops.api.traffic.LoadWatchUseCase;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

@Command(name = "load-watch", mixinStandardHelpOptions = true,
        header = "Watch the service during a load test; stop the test before it hurts production.",
        description = {"Every traffic.watchPollSeconds: the health check plus the ALB's TargetResponseTime p95 and 5xx"
                + " rate of the last minute. The watch stops (exit 1) as soon as the service is UNHEALTHY, p95 passes"
                + " --p95-limit-seconds (default: the pipeline SLO, slo.pipelineP95Seconds) or the 5xx rate passes"
                + " --error-rate-limit-percent (default: slo.highErrorRatePercent).",
                "On a stop it writes --stop-file (a load tool polls for it) and stops the process --stop-pid names."},
        footer = {"",
                "Exit: 0 PASSED; 1 STOPPED; 2 invalid input; 3 remote failure.",
                "JSON: {ok, status (PASSED|STOPPED), startedAt, endedAt, p95LimitSeconds, errorRateLimitPercent,"
                        + " samples[{at, p95Seconds, errorRatePercent, verdict}], stoppedBecause, markdown}",
                "",
                "Examples:",
                "  tdev-ops load-watch --simulate --scenario load-test --duration 10m",
                "  tdev-ops load-watch --simulate --scenario load-test-prepared --duration 10m --output markdown",
                "  tdev-ops load-watch --duration 10m --p95-limit-seconds 5 --stop-file /tmp/k6.stop"})
public final class LoadWatchCommand extends OutcomeCommand<LoadWatchResult> {
    @Option(names = "--duration", paramLabel = "DURATION", required = true,
            description = "How long the load test runs: 10m, 90s, 1h30m (1m..24h).")
    String duration;

    @Option(names = "--p95-limit-seconds", paramLabel = "N",
            description = "Stop when the ALB's response-time p95 passes N seconds (default: slo.pipelineP95Seconds).")
    Double p95LimitSeconds;

    @Option(names = "--error-rate-limit-percent", paramLabel = "N",
            description = "Stop when 5xx responses pass N %% of requests (default: slo.highErrorRatePercent).")
    Double errorRateLimitPercent;

    @Option(names = "--stop-file", paramLabel = "FILE",
            description = "Written when the watch stops the test (a load tool polls for it); its folder must exist.")
    Path stopFile;

    @Option(names = "--stop-pid", paramLabel = "PID",
            description = "A process (the load tool) to stop when the watch stops the test.")
    Long stopPid;

    @Override
    protected LoadWatchResult run(OpsContext context) {
        Duration d = LoadWatchRequest.parseDuration("duration", duration);
        LoadWatchRequest request = new LoadWatchRequest(d, p95LimitSeconds, errorRateLimitPercent);
        // checked before the watch starts: a stop that cannot be delivered would let the test run on
        if (stopFile != null) {
            Path dir = stopFile.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new InvalidInputException("stopFile", "got '" + stopFile + "'; its folder must exist and be"
                        + " writable");
            }
        }
        if (stopPid != null && ProcessHandle.of(stopPid).isEmpty()) {
            throw new InvalidInputException("stopPid", "got " + stopPid + "; no such process");
        }
        return LoadWatchUseCase.over(context).run(request);
    }

    @Override
    protected void afterResult(LoadWatchResult result) {
        if (result.status() != LoadWatchResult.Status.STOPPED) {
            return;
        }
        if (stopFile != null) {
            try {
                Files.writeString(stopFile, "stop: " + result.stoppedBecause() + System.lineSeparator());
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: could not write --stop-file " + stopFile + ": "
                        + e.getMessage());
            }
        }
        if (stopPid != null) {
            ProcessHandle.of(stopPid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Override
    protected String warning(LoadWatchResult result) {
        return result.status() == LoadWatchResult.Status.STOPPED ? "load test stopped: " + result.stoppedBecause()
                : null;
    }
}
