import groovy.transform.Field

// The runbook's DNS fail-over as a job: the disaster-recovery check for the record, the fail-over planned (the
// Route 53 change, before -> after, TTL), a person's approval, then the change applied and waited for until INSYNC.
// The build description says how to fail back.

// The parameters of tdevDisasterRecovery and their defaults (null next to "from backup.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        to                   : 'secondary', // secondary (fail over) or primary (fail back)
        approvers            : null,        // comma-separated Jenkins users/groups who may approve; null = anyone who may build
        confirmTimeoutMinutes: null,        // the approval waits this long, then the build is aborted; from backup.yaml (30)
        backupResource       : 'io/tdev/ops/backup.yaml',
]

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevDisasterRecovery', DEFAULTS, config)
    if (!(s.to in ['secondary', 'primary'])) {
        error("tdevDisasterRecovery: to must be secondary or primary; got '${s.to}'")
    }
    tdevSettings.requirePositive('tdevDisasterRecovery', 'confirmTimeoutMinutes', s.confirmTimeoutMinutes, 1)

    Map dr
    stage('DR check') {
        dr = tdevDrCheck(tdevSettings.stepArgs(s, [:]))
        dr.checks.each { Map c -> echo "tdevDisasterRecovery: ${c.name} ${c.status}: ${c.evidence}" }
    }

    Map plan
    stage('Plan') {
        plan = tdevFailover(tdevSettings.stepArgs(s, [to: s.to, dryRun: true]))
        echo "tdevDisasterRecovery: ${plan.message}"
    }
    if (plan.status == 'UNCHANGED') {
        currentBuild.description = "${plan.record} already points at the ${s.to} target: nothing changed"
        return plan
    }

    def answer
    stage('Approve') {
        timeout(time: s.confirmTimeoutMinutes, unit: 'MINUTES') {
            answer = input(message: "Fail over ${plan.record} (${plan.type}) to the ${s.to} target: ${plan.before} -> ${plan.after}," +
                    " TTL ${plan.ttl}? Primary: ${plan.primaryHealth}", ok: "Fail over to ${s.to}",
                    submitter: s.approvers, submitterParameter: 'approver',
                    parameters: [string(name: 'reason', defaultValue: '', description: 'Why (recorded in the build)')])
        }
    }
    String approver = answer instanceof Map ? answer.approver : null
    String reason = answer instanceof Map ? answer.reason : answer

    Map done
    stage('Fail over') {
        done = tdevFailover(tdevSettings.stepArgs(s, [to: s.to]))
        echo "tdevDisasterRecovery: ${done.status}: ${done.message}"
    }
    currentBuild.description = "${done.record}: ${done.before} -> ${done.after} ${done.status}" +
            (approver ? " (approved by ${approver}${reason ? ': ' + reason : ''})" : '') + "; fail back: ${done.failBack}"
    if (done.status != 'INSYNC') {
        unstable("tdevDisasterRecovery: the change is ${done.status}: ${done.message}")
    }
    return done
}
