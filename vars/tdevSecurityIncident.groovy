import groovy.transform.Field

// The runbook's security incident as a job: the security contacts of the environment's escalation policy are told
// (tdevEscalate, kind security), then: lock the projects bucket down, rotate the API-key secret, invalidate every
// session. Each action is planned first (its dry run in the log), then approved by a person with input, then
// run; every approval and outcome is recorded in the build's report. An abort (a rejected input, an expired
// approval, the Abort button) ends the build ABORTED with the record of what was done, never FAILURE.

// The parameters of tdevSecurityIncident and their defaults (null next to "from security.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        reason                : null,                // required: what happened (recorded, sent with invalidate-sessions)
        actions               : null,                // which actions, in order; from security.yaml (all three)
        approvers             : null,                // who may approve (input submitter: user ids or groups); null = anyone who may build
        approvalTimeoutMinutes: null,                // each approval waits this long, then the build is aborted; from security.yaml
        reportName            : 'security-incident', // files REPORTNAME.md and REPORTNAME.json in the workspace, archived
        escalate              : true,                // false: nobody is told through the escalation policy (a drill)
        securityResource      : 'io/tdev/ops/security.yaml',
]

// action -> the plugin step that does it (tdevInvalidateSessions: the admin endpoint)
@Field static final Map STEPS = ['lockdown-bucket'    : 'tdevLockdownBucket',
                                 'rotate-secret'      : 'tdevRotateSecret',
                                 'invalidate-sessions': 'tdevInvalidateSessions']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevSecurityIncident', DEFAULTS, config)
    validate(s)

    List record = []
    String stopped = null
    try {
        stage('Escalate') {
            Map told = tdevEscalate(tdevSettings.stepArgs(s, [kind    : 'security',
                                                              subject : "[${s.environment ?: 'T-Developer'}] security incident: ${s.reason}".toString(),
                                                              summary : "Actions to follow, each approved: ${s.actions.join(', ')}. ${env.BUILD_URL ?: ''}".toString(),
                                                              noNotify: !s.escalate]))
            echo "tdevSecurityIncident: escalated to ${whom(told)}"
        }
        for (int i = 0; i < s.actions.size(); i++) {
            String action = s.actions[i]
            stage(action) {
                Map entry = [action: action, status: null, approver: null, message: null]
                record << entry
                Map plan = callStep(action, s, true)
                echo "tdevSecurityIncident: plan of ${action}: ${plan.message}"
                entry.approver = approve(s, action, plan)
                Map done = callStep(action, s, false)
                entry.status = done.status
                entry.message = done.message
                echo "tdevSecurityIncident: ${action} ${done.status} (approved by ${entry.approver}): ${done.message}"
            }
        }
    } catch (InterruptedException e) {
        // a rejected approval or the Abort button (FlowInterruptedException): recorded, rethrown, the build is ABORTED
        stopped = "aborted: ${e.message}".toString()
        markOpen(record, stopped)
        writeReport(s, record)
        throw e
    } catch (Exception e) {
        stopped = "failed: ${e.message}".toString()
        markOpen(record, stopped)
        writeReport(s, record)
        error("tdevSecurityIncident: ${record ? record[-1].action : 'start'} ${stopped}")
    }
    writeReport(s, record)
    currentBuild.description = summary(record)
    String notFinished = notFinished(record)
    if (notFinished) {
        unstable("tdevSecurityIncident: not finished: ${notFinished}")
    }
    return [actions: record]
}

Map callStep(String action, Map s, boolean dryRun) {
    Map args = tdevSettings.stepArgs(s, [dryRun: dryRun])
    if (action == 'lockdown-bucket') {
        return tdevLockdownBucket(args)
    }
    if (action == 'rotate-secret') {
        return tdevRotateSecret(args)
    }
    return asOutcome(tdevInvalidateSessions(args + [reason: s.reason]))
}

// the admin call's result in the words of the other actions: DONE is COMPLETED, the HTTP answer is the message
@NonCPS
Map asOutcome(Map call) {
    String status = call.status == 'DONE' ? 'COMPLETED' : String.valueOf(call.status)
    String message = call.status == 'PLANNED' ? 'would POST /admin/invalidate-sessions'
            : "POST /admin/invalidate-sessions: HTTP ${call.httpStatus}${call.answer ? ' ' + call.answer : ''}".toString()
    return [status: status, message: message]
}

@NonCPS
String whom(Map told) {
    List notices = told?.escalation ?: []
    return notices ? notices.collect { (it.to instanceof List ? it.to.join(', ') : String.valueOf(it.to)) + " (${it.status})" }.join('; ')
            : 'nobody (no security contacts configured)'
}

String approve(Map s, String action, Map plan) {
    return tdevSettings.approval("Security incident (${s.reason}): ${action}? ${plan.message}".toString(),
            "Run ${action}".toString(), s.approvers, s.approvalTimeoutMinutes)
}

void writeReport(Map s, List record) {
    writeFile(file: "${s.reportName}.md", text: markdownOf(s, record))
    writeJSON(file: "${s.reportName}.json", json: [reason: s.reason, actions: record], pretty: 2)
    archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
}

void validate(Map s) {
    if (!(s.reason instanceof CharSequence) || !s.reason.toString().trim()) {
        error("tdevSecurityIncident: reason is required (what happened, recorded with every action); got '${s.reason}'")
    }
    tdevSettings.requireAllIn('tdevSecurityIncident', 'actions', s.actions, STEPS.keySet() as List)
    if (!s.actions) {
        error("tdevSecurityIncident: actions must name at least one of ${STEPS.keySet().join(', ')}")
    }
    tdevSettings.requirePositive('tdevSecurityIncident', 'approvalTimeoutMinutes', s.approvalTimeoutMinutes, 1)
    if (!(s.escalate instanceof Boolean)) {
        error("tdevSecurityIncident: escalate must be true or false; got '${s.escalate}'")
    }
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevSecurityIncident: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
}

@NonCPS
String summary(List record) {
    return "security incident: " + record.collect { "${it.action} ${it.status}" }.join(', ')
}

// actions that ran but did not end as asked (a rotation still going on after the wait)
@NonCPS
String notFinished(List record) {
    return record.findAll { !(it.status in ['COMPLETED', 'UNCHANGED']) }.collect { "${it.action} ${it.status}: ${it.message}" }.join('; ')
}

@NonCPS
void markOpen(List record, String stopped) {
    record.findAll { it.status == null }.each { it.status = 'NOT_DONE'; it.message = stopped }
}

@NonCPS
String markdownOf(Map s, List record) {
    StringBuilder md = new StringBuilder("# Security incident${s.environment ? ' (' + s.environment + ')' : ''}\n\n")
    md << "Reason: ${s.reason}\n\n| Action | Status | Approved by | Outcome |\n|---|---|---|---|\n"
    record.each { Map r ->
        md << "| ${r.action} | ${r.status} | ${r.approver ?: ''} | ${String.valueOf(r.message ?: '').replace('|', '\\|').replace('\n', ' ')} |\n"
    }
    return md.toString()
}
