import groovy.transform.Field

// The runbook's 09:00 daily health check as a job: one tdevHealthCheck verdict, the report archived as Markdown
// and JSON, a notification when the service is not HEALTHY, and the verdict as the build result.

// The parameters of tdevDailyHealthCheck and their defaults (null next to "from thresholds.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        // what is checked
        windowMinutes     : null,            // ERROR log events counted over this window; from thresholds.yaml (1440: the runbook's 24 h; the engine scales the ERROR thresholds to it)
        signals           : null,            // signal names to read; null = all of them
        ignoreAlarms      : [],              // alarm names never counted
        // the report
        reportName        : 'health-report', // files REPORTNAME.md and REPORTNAME.json in the workspace, archived
        // verdict -> build result
        unstableOn        : null,            // verdicts that make the build UNSTABLE; from thresholds.yaml
        failOn            : null,            // verdicts that fail the build; from thresholds.yaml
        // who hears about a verdict other than HEALTHY
        mailTo            : null,            // comma-separated addresses for the mail step; null = no mail
        notify            : null,            // closure { Map health, String reportFile -> ... } (slackSend, ...); null = none
        thresholdsResource: 'io/tdev/ops/thresholds.yaml',
]

@Field static final List VERDICTS = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevDailyHealthCheck', DEFAULTS, config)
    validate(s)

    Map health
    stage('Health check') {
        health = tdevHealthCheck(tdevSettings.stepArgs(s, [windowMinutes: s.windowMinutes, signals: s.signals,
                                                           ignoreAlarms : s.ignoreAlarms]))
        echo "tdevDailyHealthCheck: ${health.status}${tdevSettings.reasonSuffix(health)}"
    }

    String markdownFile = "${s.reportName}.md"
    stage('Report') {
        writeFile(file: markdownFile, text: health.markdown ?: markdownOf(health, s.environment))
        writeJSON(file: "${s.reportName}.json", json: health, pretty: 2)
        archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
    }

    currentBuild.description = "${health.status}${health.reasons ? ': ' + health.reasons.size() + ' finding(s)' : ''}"
    if (health.status != 'HEALTHY') {
        stage('Notify') {
            notifyPeople(s, health, markdownFile)
        }
    }
    String verdict = "tdevDailyHealthCheck: ${health.status}${tdevSettings.reasonSuffix(health)} (report: ${markdownFile})"
    if (health.status in s.failOn) {
        error(verdict)
    }
    if (health.status in s.unstableOn) {
        unstable(verdict)
    }
    return health
}

void validate(Map s) {
    if (s.windowMinutes != null) {
        tdevSettings.requirePositive('tdevDailyHealthCheck', 'windowMinutes', s.windowMinutes, 1)
    }
    tdevSettings.requireAllIn('tdevDailyHealthCheck', 'unstableOn', s.unstableOn, VERDICTS)
    tdevSettings.requireAllIn('tdevDailyHealthCheck', 'failOn', s.failOn, VERDICTS)
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevDailyHealthCheck: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
    if (s.notify != null && !(s.notify instanceof Closure)) {
        error("tdevDailyHealthCheck: notify must be a closure { health, reportFile -> ... }; got '${s.notify}'")
    }
    if (s.signals != null && !(s.signals instanceof List)) {
        error("tdevDailyHealthCheck: signals must be a list of signal names or null; got '${s.signals}'")
    }
}

void notifyPeople(Map s, Map health, String markdownFile) {
    boolean told = false
    if (s.mailTo) {
        mail(to: s.mailTo,
                subject: "[tdev-ops] ${s.environment ?: 'T-Developer'} daily health check: ${health.status}".toString(),
                body: "${health.markdown ?: markdownOf(health, s.environment)}\n\n${env.BUILD_URL ?: ''}".toString())
        told = true
    }
    if (s.notify != null) {
        Closure notify = s.notify
        notify(health, markdownFile)
        told = true
    }
    if (!told) {
        echo "tdevDailyHealthCheck: no mailTo or notify configured; the build result is the only notification"
    }
}

// The report when the engine's result carries no Markdown of its own.
@NonCPS
String markdownOf(Map health, String environment) {
    StringBuilder md = new StringBuilder()
    md << "# Daily health check${environment ? ' (' + environment + ')' : ''}: ${health.status}\n\n"
    md << "Checked at ${health.checkedAt}\n\n"
    List reasons = health.reasons ?: []
    if (reasons) {
        md << "## Findings\n\n"
        reasons.each { md << "- ${it}\n" }
        md << "\n"
    }
    md << "## Signals\n\n| Signal | Status | Value | Threshold | Evidence |\n|---|---|---|---|---|\n"
    (health.signals ?: []).each { Map signal ->
        md << "| ${tdevSettings.cell(signal.name)} | ${tdevSettings.cell(signal.status)} | ${tdevSettings.cell(signal.value)} | ${tdevSettings.cell(signal.threshold)} | ${tdevSettings.cell(signal.evidence)} |\n"
    }
    return md.toString()
}
