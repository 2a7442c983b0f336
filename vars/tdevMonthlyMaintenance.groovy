import groovy.transform.Field

// The runbook's monthly maintenance as a job: a dry run first, then (after a person approves with input, unless
// configured to apply at once) the real run of what the dry run planned; the report archived; UNSTABLE when a task
// has findings or failed. Aborting or rejecting the approval aborts the build and changes nothing.

// The parameters of tdevMonthlyMaintenance and their defaults (null next to "from schedule.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        tasks                 : [],           // task names; [] = all: log-retention, image-scan, stale-objects, task-definitions, backup-integrity
        askBeforeChanges      : null,         // ask with input before the real run; from schedule.yaml (true)
        approvers             : null,         // comma-separated users/groups who may approve; null = anyone with Build
        approvalTimeoutMinutes: null,         // the approval waits this long, then the build aborts; from schedule.yaml (60)
        applyLifecycle        : false,        // create the proposed S3 lifecycle rule in the real run
        reportName            : 'monthly-maintenance', // REPORTNAME.md and REPORTNAME.json in the workspace, archived
        scheduleResource      : 'io/tdev/ops/schedule.yaml',
]

@Field static final List TASKS = ['log-retention', 'image-scan', 'stale-objects', 'task-definitions', 'backup-integrity']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevMonthlyMaintenance', DEFAULTS, config)
    validate(s)
    Map args = tdevSettings.stepArgs(s, [tasks: s.tasks, applyLifecycle: s.applyLifecycle])

    Map plan
    stage('Plan (dry run)') {
        plan = tdevMaintenance(args + [dryRun: true])
        echo "tdevMonthlyMaintenance: plan: ${changesOf(plan)} change(s); ${statusLine(plan)}"
    }
    Map result = plan
    if (changesOf(plan) > 0) {
        if (s.askBeforeChanges) {
            stage('Approve') {
                approve(s, plan)
            }
        }
        stage('Maintenance') {
            result = tdevMaintenance(args + [dryRun: false])
            echo "tdevMonthlyMaintenance: ${statusLine(result)}"
        }
    }
    stage('Report') {
        writeFile(file: "${s.reportName}.md", text: result.markdown)
        writeJSON(file: "${s.reportName}.json", json: result, pretty: 2)
        archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
    }
    currentBuild.description = statusLine(result)
    if (!result.passed) {
        unstable("tdevMonthlyMaintenance: ${statusLine(result)} (report: ${s.reportName}.md)")
    }
    return result
}

void approve(Map s, Map plan) {
    Map request = [message: "Monthly maintenance: apply ${changesOf(plan)} planned change(s)? ${statusLine(plan)}".toString(),
                   ok     : 'Apply']
    if (s.approvers) {
        request.submitter = s.approvers
    }
    timeout(time: s.approvalTimeoutMinutes, unit: 'MINUTES') {
        input(request)
    }
}

void validate(Map s) {
    if (!(s.tasks instanceof List)) {
        error("tdevMonthlyMaintenance: tasks must be a list of ${TASKS.join(', ')}; got '${s.tasks}'")
    }
    tdevSettings.requireAllIn('tdevMonthlyMaintenance', 'tasks', s.tasks, TASKS)
    if (!(s.askBeforeChanges instanceof Boolean) || !(s.applyLifecycle instanceof Boolean)) {
        error("tdevMonthlyMaintenance: askBeforeChanges and applyLifecycle must be true or false; got '${s.askBeforeChanges}', '${s.applyLifecycle}'")
    }
    tdevSettings.requirePositive('tdevMonthlyMaintenance', 'approvalTimeoutMinutes', s.approvalTimeoutMinutes, 1)
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevMonthlyMaintenance: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
}

@NonCPS
int changesOf(Map result) {
    return (result.tasks ?: []).sum { (it.actions ?: []).size() } ?: 0
}

@NonCPS
String statusLine(Map result) {
    return (result.tasks ?: []).collect { "${it.name} ${it.status}" }.join(', ')
}
