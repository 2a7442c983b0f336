import groovy.transform.Field

// The runbook's P0/P1/P2 incident playbook as a one-click job. Diagnose (tdevIncident: the engine's reads in
// parallel, its remedies with their evidence; the escalation policy's at-once contacts are told by that same call),
// show the diagnosis (build description, Markdown artifact), ask a person to approve each proposed remedy with its
// evidence in the input message, apply the approved ones (tdevIncident with apply: the engine diagnoses again and
// applies only what the evidence still calls for), follow a delayed escalation up (P1: told after 15 minutes if still
// unresolved), and archive the incident record (Markdown and JSON).
//
// Declining a remedy (Abort on its approval), an approval that expires, or the Abort button end the build ABORTED
// (FlowInterruptedException rethrown) with nothing applied and the record archived: declining is a decision, not a
// failure. A remedy that fails ends the build FAILURE, saying what to run by hand.

// The parameters of tdevIncidentResponse and their defaults. Who may approve is not a parameter: it is the
// environment's incident.approvers (configuration, returned with the diagnosis). Where the steps run
// (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        level                 : null,       // required: P0 (total outage), P1 (degraded), P2 (one agent failing)
        agent                 : null,       // P2: the agent suspected (e.g. search); null = the diagnosis finds it
        remedies              : 'all',      // which proposed remedies to offer for approval: 'all', 'none', or names (list or comma-separated) of rollback, scale, clear-cache, restart-agent
        since                 : null,       // how far back the diagnosis reads: '30m', '2h' ...; null = the engine's default (1h)
        approvalTimeoutMinutes: 30,         // each approval waits this long, then the build is aborted (nothing applied)
        followUp              : true,       // a notice still PENDING (P1: 15 min): wait until it is due, diagnose again, escalate unless resolved
        escalate              : true,       // false: a drill, nobody is told (the record says whom it would have told)
        reportName            : 'incident', // REPORTNAME.md and REPORTNAME.json (the record), REPORTNAME-diagnosis.md (shown before the approvals)
]

@Field static final List LEVELS = ['P0', 'P1', 'P2']
@Field static final List REMEDIES = ['rollback', 'scale', 'clear-cache', 'restart-agent']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevIncidentResponse', DEFAULTS, config)
    List offered = validate(s)
    // what the job did besides the engine's record: approvals, the notices as sent, the escalation follow-up
    Map job = [approvals: [], sent: [], followUp: null, startedAt: null, stopped: null, phase: 'Diagnose', changed: false]
    Map record = null
    try {
        stage('Diagnose') {
            record = tdevIncident(incidentArgs(s, [noNotify: !s.escalate]))
            job.startedAt = record.timeline[0].at
            job.sent = record.escalation
            writeFile(file: "${s.reportName}-diagnosis.md", text: record.markdown)
            archiveArtifacts(artifacts: "${s.reportName}-diagnosis.md", allowEmptyArchive: false)
            echo "tdevIncidentResponse: ${diagnosisLine(record)}"
            echo "tdevIncidentResponse: escalation: ${whom(job.sent)}"
            currentBuild.description = description(record, job)
        }
        List asked = toOffer(record.plan, offered)
        List approved = []
        for (int i = 0; i < asked.size(); i++) {
            Map remedy = asked[i]
            job.phase = "Approve ${remedy.remedy}".toString()
            stage(job.phase) {
                Map approval = [remedy: remedy.remedy, decision: 'declined', by: null]
                job.approvals << approval
                approval.by = approve(s, record, remedy)
                approval.decision = 'approved'
                approved << remedy.remedy
            }
        }
        if (approved) {
            job.phase = 'Apply'
            job.changed = true
            stage('Apply') {
                // escalation was done by the diagnosis: the apply run must not page the same people again
                record = tdevIncident(incidentArgs(s, [apply: approved, startedAt: job.startedAt, noNotify: true]))
                echo "tdevIncidentResponse: ${appliedLine(record)}"
            }
        }
        if (s.followUp && dueAt(job.sent)) {
            job.phase = 'Escalation follow-up'
            stage('Escalation follow-up') {
                followUp(s, record, job)
            }
        }
    } catch (InterruptedException e) {
        // declined, expired or aborted (FlowInterruptedException): recorded, rethrown, the build is ABORTED
        job.stopped = "${stoppedAt(job)}: ${e.message ?: 'aborted'}".toString()
        if (record != null) {
            writeRecord(s, record, job)
            currentBuild.description = description(record, job)
        }
        throw e
    }
    writeRecord(s, record, job)
    currentBuild.description = description(record, job)
    if (record.status == 'REMEDY_FAILED') {
        error("tdevIncidentResponse: ${appliedLine(record)}")
    }
    if (anyFailed(job.sent)) {
        unstable("tdevIncidentResponse: an escalation failed: ${whom(job.sent)}")
    }
    return recordOf(record, job)
}

// the step's arguments: the job's level, agent and window, plus what this call does
Map incidentArgs(Map s, Map what) {
    return tdevSettings.stepArgs(s, [level: s.level, agent: s.agent ?: null, since: s.since ?: null] + what)
}

String approve(Map s, Map record, Map remedy) {
    return tdevSettings.approval(approvalMessage(s, record, remedy), "Apply ${remedy.remedy}".toString(),
            record.approvers, s.approvalTimeoutMinutes)
}

// The pending notice is due: wait until then, diagnose again over the time since the last diagnosis or remedy (older
// evidence would say "unresolved" for ever), and tell them unless the runbook proposes nothing more.
void followUp(Map s, Map record, Map job) {
    long seconds = secondsUntil(dueAt(job.sent), lastEngineTime(record))
    echo "tdevIncidentResponse: ${whom(job.sent)}; waiting ${seconds} s until it is due"
    if (seconds > 0) {
        sleep(time: seconds, unit: 'SECONDS')
    }
    Map again = tdevIncident(tdevSettings.stepArgs(s, [level: s.level, agent: s.agent ?: null, since: sinceMinutes(seconds),
                                                       startedAt: job.startedAt, noNotify: true]))
    boolean resolved = again.plan.isEmpty()
    Map told = tdevEscalate(tdevSettings.stepArgs(s, [kind     : s.level,
                                                      subject  : subject(s, again, resolved),
                                                      summary  : followUpSummary(again, resolved),
                                                      startedAt: job.startedAt,
                                                      resolved : resolved,
                                                      noNotify : !s.escalate]))
    job.sent = replacePending(job.sent, told.escalation)
    job.followUp = [at: lastEngineTime(again), resolved: resolved, stillProposed: remediesOf(again.plan)]
    echo "tdevIncidentResponse: follow-up: ${resolved ? 'resolved' : 'still unresolved'}; escalation: ${whom(job.sent)}"
}

void writeRecord(Map s, Map record, Map job) {
    Map full = recordOf(record, job)
    writeFile(file: "${s.reportName}.md", text: full.markdown)
    writeJSON(file: "${s.reportName}.json", json: full, pretty: 2)
    archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
}

List validate(Map s) {
    if (!(s.level in LEVELS)) {
        error("tdevIncidentResponse: level must be one of ${LEVELS.join(', ')}; got '${s.level}'")
    }
    if (s.agent != null && !(s.agent instanceof CharSequence)) {
        error("tdevIncidentResponse: agent must be an agent's name (e.g. search) or null; got '${s.agent}'")
    }
    tdevSettings.requirePositive('tdevIncidentResponse', 'approvalTimeoutMinutes', s.approvalTimeoutMinutes, 1)
    if (!(s.followUp instanceof Boolean)) {
        error("tdevIncidentResponse: followUp must be true or false; got '${s.followUp}'")
    }
    if (!(s.escalate instanceof Boolean)) {
        error("tdevIncidentResponse: escalate must be true or false; got '${s.escalate}'")
    }
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevIncidentResponse: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
    List names = remedyNames(s.remedies)
    if (names == null || !validRemedies(names)) {
        error("tdevIncidentResponse: remedies must be 'all', 'none' or names of ${REMEDIES.join(', ')}; got '${s.remedies}'")
    }
    return names == ['all'] ? null : names == ['none'] ? [] : names
}

// 'all' | 'none' | 'rollback, scale' | ['rollback'] -> names; null for a value of another type
@NonCPS
List remedyNames(Object remedies) {
    if (remedies instanceof List) {
        return remedies.collect { String.valueOf(it).trim() }.findAll { it }
    }
    if (remedies instanceof CharSequence) {
        List names = remedies.toString().split(',').collect { it.trim() }.findAll { it }
        return names ?: ['none']
    }
    return null
}

// one of 'all' or 'none' alone, or remedy names
@NonCPS
boolean validRemedies(List names) {
    List special = names.findAll { it in ['all', 'none'] }
    return names.every { it in REMEDIES + ['all', 'none'] } && (!special || names.size() == 1)
}

@NonCPS
List remediesOf(List plan) {
    return plan.collect { it.remedy }
}

@NonCPS
boolean anyFailed(List notices) {
    return notices.any { it.status == 'FAILED' }
}

// the plan's remedies the job offers (null: all of them), in the plan's order
@NonCPS
List toOffer(List plan, List offered) {
    return plan.findAll { offered == null || it.remedy in offered }.collect { [remedy: it.remedy, why: it.why, command: it.command] }
}

@NonCPS
String approvalMessage(Map s, Map record, Map remedy) {
    StringBuilder m = new StringBuilder("${record.level} incident${s.environment ? ' on ' + s.environment : ''}: apply ${remedy.remedy}?\n")
    m << "Why: ${remedy.why}\nCommand: ${remedy.command}\nEvidence:\n"
    List bad = record.diagnosis.findAll { it.status in ['BAD', 'WARN'] }
    (bad ?: record.diagnosis).each { Map f -> m << "- ${f.status} ${f.name}: ${f.value} (${clip(String.valueOf(f.evidence), 300)})\n" }
    m << "The full diagnosis: ${s.reportName}-diagnosis.md (artifacts). Abort declines: nothing is applied."
    return m.toString()
}

@NonCPS
String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + '...'
}

@NonCPS
String diagnosisLine(Map record) {
    List bad = record.diagnosis.findAll { it.status == 'BAD' }.collect { "${it.name} (${it.value})" }
    return "${record.level}: ${bad ? bad.join(', ') + ' BAD' : 'no signal BAD'}; proposed: " +
            (record.plan ? record.plan.collect { it.remedy }.join(', ') : 'nothing')
}

@NonCPS
String appliedLine(Map record) {
    return "${record.status}: " + record.applied.collect { "${it.remedy} ${it.status} (${it.note})" }.join('; ')
}

@NonCPS
String whom(List notices) {
    return notices ? notices.collect { "${it.to.join(', ')} ${it.status}${it.status == 'PENDING' ? ' until ' + it.dueAt : ''}" }.join('; ')
            : 'no policy for this level: nobody'
}

@NonCPS
String dueAt(List notices) {
    Map pending = notices.find { it.status == 'PENDING' }
    return pending?.dueAt
}

// the engine's clock (virtual on the simulation): the newest time the record carries
@NonCPS
String lastEngineTime(Map record) {
    return record.timeline ? record.timeline[-1].at : null
}

@NonCPS
long secondsUntil(String due, String now) {
    return Math.max(0L, java.time.Duration.between(java.time.Instant.parse(now), java.time.Instant.parse(due)).seconds)
}

// the engine reads at least 5 minutes back
@NonCPS
String sinceMinutes(long seconds) {
    return "${Math.max(5L, (long) (seconds / 60))}m".toString()
}

@NonCPS
List replacePending(List sent, List told) {
    return sent.findAll { it.status != 'PENDING' } + told
}

// SNS wants ASCII of at most 100 characters
@NonCPS
String subject(Map s, Map record, boolean resolved) {
    String bad = record.diagnosis.findAll { it.status == 'BAD' }.collect { it.name }.take(3).join(', ')
    String text = "[${s.environment ?: 'T-Developer'}] ${record.level} incident ${resolved ? 'resolved' : 'still unresolved'}" +
            (bad ? ": ${bad}" : '')
    text = text.replaceAll('[^\\x20-\\x7e]', '?')
    return text.length() > 100 ? text.substring(0, 97) + '...' : text
}

@NonCPS
String followUpSummary(Map record, boolean resolved) {
    StringBuilder m = new StringBuilder(resolved ? 'The runbook proposes nothing more.\n' : 'Still proposed:\n')
    record.plan.each { m << "- ${it.remedy}: ${it.why} (${it.command})\n" }
    record.diagnosis.findAll { it.status == 'BAD' }.each { m << "- BAD ${it.name}: ${it.value}\n" }
    return m.toString()
}

@NonCPS
String stoppedAt(Map job) {
    Map open = job.approvals.find { it.decision == 'declined' }
    return open ? "declined ${open.remedy}" : "aborted in ${job.phase}"
}

// one line for the build page: what was found, proposed, decided, applied, and who was told
@NonCPS
String description(Map record, Map job) {
    List parts = [diagnosisLine(record)]
    job.approvals.findAll { it.decision == 'approved' }.each { parts << "${it.remedy} approved by ${it.by}" }
    if (record.applied) {
        parts << appliedLine(record)
    }
    if (job.stopped) {
        parts << (job.changed ? "${job.stopped}: see the log for how far the remedies got"
                : "${job.stopped}: nothing changed by this job; declining is not a failure").toString()
    } else if (record.plan && !record.applied && !job.approvals) {
        parts << 'nothing offered for approval (remedies parameter): nothing changed'
    }
    parts << "escalation: ${whom(job.sent)}"
    return parts.join(' | ')
}

// the engine's record, with what the job adds: the approvals, the notices as this job sent them, the follow-up
@NonCPS
Map recordOf(Map record, Map job) {
    Map full = new LinkedHashMap(record)
    full.escalation = job.sent
    full.approvals = job.approvals
    full.followUp = job.followUp
    full.stopped = job.stopped
    full.markdown = record.markdown + jobMarkdown(job)
    return full
}

@NonCPS
String jobMarkdown(Map job) {
    StringBuilder md = new StringBuilder("\n## In Jenkins\n")
    md << "The escalation as this job sent it (the diagnosis told the at-once contacts; the apply run tells nobody again):\n\n"
    md << "| level | to | channel | status | due |\n|---|---|---|---|---|\n"
    job.sent.each { md << "| ${it.level} | ${it.to.join(', ')} | `${it.channel}` | ${it.status} | ${it.dueAt} |\n" }
    md << "\n| remedy | decision | by |\n|---|---|---|\n"
    job.approvals.each { md << "| ${it.remedy} | ${it.decision} | ${it.by ?: ''} |\n" }
    if (!job.approvals) {
        md << "| (none offered) | | |\n"
    }
    if (job.followUp) {
        md << "\nFollow-up at ${job.followUp.at}: ${job.followUp.resolved ? 'resolved' : 'still unresolved, still proposed: ' + job.followUp.stillProposed.join(', ')}.\n"
    }
    if (job.stopped) {
        md << "\nStopped: ${job.stopped}.\n"
    }
    return md.toString()
}
