import groovy.transform.Field

// The runbook's emergency rollback as one click: the plan first (a dry run changes nothing), a person confirms,
// then the rollback, a health check after it, and a summary in the build description.

// The parameters of tdevOneClickRollback and their defaults (null next to "from thresholds.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        // what to roll back to
        target                : 'last-known-good', // last-known-good | previous | revision
        revision              : null,              // with target 'revision': a number (42), family:42, or a task definition ARN
        reason                : null,              // why (recorded in the action, the SNS alert and the description); asked at the confirmation when null
        // the confirmation
        confirm               : true,              // false: no input step (for jobs that are themselves the approval)
        approvers             : null,              // who may confirm (input submitter: user ids or groups, comma-separated); null = anyone who may build
        confirmTimeoutMinutes : null,              // from thresholds.yaml
        // the rollback and after
        rollbackTimeoutMinutes: null,              // from thresholds.yaml
        notify                : true,              // the rollback's SNS alert
        verifyHealth          : true,              // a tdevHealthCheck after the rollback; UNHEALTHY fails the build
        verifyMinutes         : null,              // health checks after the rollback until HEALTHY, for at most this long; from thresholds.yaml
        pollSeconds           : null,              // between two of those health checks; from thresholds.yaml
        thresholdsResource    : 'io/tdev/ops/thresholds.yaml',
]

@Field static final List TARGETS = ['last-known-good', 'previous', 'revision']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevOneClickRollback', DEFAULTS, config)
    String target = rollbackTarget(s)
    tdevSettings.requirePositive('tdevOneClickRollback', 'confirmTimeoutMinutes', s.confirmTimeoutMinutes, 1)
    tdevSettings.requirePositive('tdevOneClickRollback', 'rollbackTimeoutMinutes', s.rollbackTimeoutMinutes, 1)
    tdevSettings.requirePositive('tdevOneClickRollback', 'verifyMinutes', s.verifyMinutes, 1)
    tdevSettings.requirePositive('tdevOneClickRollback', 'pollSeconds', s.pollSeconds, 1)
    if (!s.confirm && !s.reason) {
        error("tdevOneClickRollback: with confirm false, reason is required (nobody is asked for one)")
    }
    Map rollbackArgs = [target: target, timeoutMinutes: s.rollbackTimeoutMinutes, notify: s.notify]

    Map plan
    stage('Plan') {
        String noPlan = null
        try {
            plan = tdevRollback(tdevSettings.stepArgs(s, rollbackArgs + [dryRun: true, reason: s.reason]))
        } catch (InterruptedException e) {
            // an abort is not "cannot plan": rethrown (FlowInterruptedException), the build ends ABORTED
            currentBuild.description = "Aborted while planning: nothing changed"
            throw e
        } catch (Exception e) {
            noPlan = e.message
        }
        if (noPlan) {
            currentBuild.description = "No rollback to ${target}: nothing changed"
            error("tdevOneClickRollback: cannot plan a rollback to ${target}; nothing changed: ${noPlan}")
        }
        echo "tdevOneClickRollback: plan (dry run, nothing changed): ${plan.from} -> ${plan.to}"
        List lines = actionLines(plan.actions)
        for (int i = 0; i < lines.size(); i++) {
            echo "  would: ${lines[i]}"
        }
        currentBuild.description = "Plan: ${plan.from} -> ${plan.to} (${target})"
    }
    if (plan.status == 'UNCHANGED' || (plan.from != null && plan.from == plan.to)) {
        currentBuild.description = "Nothing to do: the service already runs ${plan.to} (${target})"
        echo "tdevOneClickRollback: the service already runs ${plan.to}; nothing rolled back"
        return [plan: plan]
    }

    Map approval = [approver: null, reason: s.reason]
    if (s.confirm) {
        stage('Confirm') {
            approval = confirmRollback(s, plan, target)
        }
    }

    Map rolled
    stage('Rollback') {
        String reason = "${approval.reason}${approval.approver ? ' (confirmed by ' + approval.approver + ')' : ''}"
        // exactly the revision that was shown and confirmed, even if what "${target}" means changed meanwhile
        Map outcome = tdevSettings.tryRollback(tdevSettings.stepArgs(s, rollbackArgs + [target: plan.to ?: target, reason: reason]))
        rolled = outcome.rolled
        String failure = outcome.failure
        if (failure) {
            currentBuild.description = "Rollback to ${plan.to} FAILED: ${failure}"
            error("tdevOneClickRollback: the rollback ${plan.from} -> ${plan.to} FAILED: ${failure}")
        }
        echo "tdevOneClickRollback: rolled back ${rolled.from} -> ${rolled.to} (${rolled.status})"
    }

    Map health = null
    if (s.verifyHealth) {
        stage('Verify') {
            health = verify(s, changedAt(rolled))
        }
    }
    String summary = "Rolled back ${rolled.from} -> ${rolled.to} (${target})" +
            "${approval.approver ? ' by ' + approval.approver : ''}: ${approval.reason}" +
            "${health ? '; health after: ' + health.status : ''}"
    currentBuild.description = summary
    if (health?.status == 'UNHEALTHY') {
        error("tdevOneClickRollback: ${summary}${tdevSettings.reasonSuffix(health)}. The rollback did not restore the service: escalate (P0).")
    }
    if (health && health.status != 'HEALTHY') {
        unstable("tdevOneClickRollback: ${summary}${tdevSettings.reasonSuffix(health)}")
    }
    return [plan: plan, rollback: rolled, health: health]
}

String rollbackTarget(Map s) {
    if (!(s.target in TARGETS)) {
        error("tdevOneClickRollback: target must be one of ${TARGETS.join(', ')}; got '${s.target}'")
    }
    if (s.target == 'revision') {
        // its form (42, family:42, an ARN) is the engine's to judge: the plan's dry run refuses a wrong one, naming the forms
        String revision = s.revision == null ? '' : s.revision.toString().trim()
        if (!revision) {
            error("tdevOneClickRollback: with target 'revision', revision is required: a number (42), family:42 or a task definition ARN")
        }
        return revision
    }
    return s.target
}

Map confirmRollback(Map s, Map plan, String target) {
    Map request = [id                : 'TdevRollback',
                   message           : "Roll back from ${plan.from} to ${plan.to} (${target})?".toString(),
                   ok                : 'Roll back now',
                   submitterParameter: 'approver',
                   parameters        : [string(name: 'reason', defaultValue: s.reason ?: '',
                           description: 'Why (goes into the audit trail and the SNS alert)')]]
    if (s.approvers) {
        request.submitter = s.approvers
    }
    def answer
    try {
        timeout(time: s.confirmTimeoutMinutes, unit: 'MINUTES') {
            answer = input(request)
        }
    } catch (Exception e) {
        currentBuild.description = "Not confirmed: nothing changed (plan was ${plan.from} -> ${plan.to})"
        throw e
    }
    Map approval = answer instanceof Map ? answer : [approver: answer, reason: s.reason]
    String reason = approval.reason == null ? '' : approval.reason.toString().trim()
    if (!reason) {
        currentBuild.description = "Not rolled back: no reason given; nothing changed"
        error("tdevOneClickRollback: a rollback needs a reason; ${approval.approver ?: 'the approver'} gave none, so nothing changed")
    }
    return [approver: approval.approver, reason: reason]
}

// Alarms and ERROR logs lag behind a rollback: look every pollSeconds until HEALTHY, for at most verifyMinutes,
// counting only alarms that changed and ERROR events logged since the rollback.
Map verify(Map s, String since) {
    int total = s.verifyMinutes * 60
    int elapsed = 0
    Map health = null
    while (elapsed < total) {
        int wait = Math.min(s.pollSeconds, total - elapsed)
        sleep(time: wait, unit: 'SECONDS')
        elapsed += wait
        health = tdevHealthCheck(tdevSettings.stepArgs(s, [baselineTime : since,
                                                           windowMinutes: (int) Math.ceil(elapsed / 60.0)]))
        echo "tdevOneClickRollback: ${elapsed}s after the rollback the service is ${health.status}${tdevSettings.reasonSuffix(health)}"
        if (health.status == 'HEALTHY') {
            return health
        }
    }
    return health
}

// When the service was pointed at the rollback target: the time of the rollback's last non-dry-run action.
@NonCPS
String changedAt(Map rolled) {
    List done = (rolled.actions ?: []).findAll { it instanceof Map && !it.dryRun && it.at }
    return done ? String.valueOf(done[-1].at) : null
}

@NonCPS
List actionLines(List actions) {
    return (actions ?: []).collect { a ->
        a instanceof Map ? "${a.what} ${a.target}: ${a.before} -> ${a.after}".toString() : String.valueOf(a)
    }
}

