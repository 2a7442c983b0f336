package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.SecurityCheckRequest;
import io.tdev.ops.api.security.SecurityCheckResult;
import io.tdev.ops.api.security.SecurityCheckUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "security-check", mixinStandardHelpOptions = true,
        header = "The runbook's daily security check: a verdict with evidence.",
        description = {"Reads: 'authentication failed' and 'rate_limit_exceeded' log events in the window (counts, top"
                + " sources, against the config's thresholds and the previous window); security groups named"
                + " *security.groupNameContains* with rules open to 0.0.0.0/0 or ::/0 on ports other than"
                + " security.allowedOpenPorts; the age of the API-key secret's value against security.secretMaxAgeDays;"
                + " the projects bucket's Block Public Access settings.",
                "Each signal is OK, WARNING, CRITICAL or UNKNOWN (could not be read, never OK); the verdict is the"
                        + " worst of them."},
        footer = {"",
                "Exit: 0 OK; 1 WARNING, CRITICAL or UNKNOWN (findings); 2 invalid input; 3 remote failure.",
                "JSON: {status, signals[{name, status, value, evidence}], checkedAt, windowHours}",
                "",
                "Examples:",
                "  tdev-ops security-check --simulate",
                "  tdev-ops security-check --simulate --scenario open-port-22 --output markdown",
                "  tdev-ops security-check --simulate --scenario failed-login-burst --window-hours 6 --output json"})
public final class SecurityCheckCommand extends OutcomeCommand<SecurityCheckResult> {
    @Option(names = "--window-hours", paramLabel = "N",
            description = "Count log events of the last N hours, against the N hours before (1..168, default 24).")
    int windowHours = SecurityCheckRequest.DEFAULT_WINDOW_HOURS;

    @Override
    protected SecurityCheckResult run(OpsContext context) {
        return SecurityCheckUseCase.over(context).run(new SecurityCheckRequest(windowHours));
    }
}
