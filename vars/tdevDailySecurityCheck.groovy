import groovy.transform.Field

// The runbook's daily security check as a job: one tdevSecurityCheck verdict, the report archived as Markdown and
// JSON, the people told when there is a finding, and UNSTABLE on findings (a finding is not a broken build).

// The parameters of tdevDailySecurityCheck and their defaults (null next to "from security.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        windowHours     : null,              // log events counted over this many hours; from security.yaml (24)
        unstableOn      : null,              // verdicts that make the build UNSTABLE; from security.yaml (every finding)
        reportName      : 'security-report', // files REPORTNAME.md and REPORTNAME.json in the workspace, archived
        mailTo          : null,              // comma-separated addresses for the mail step; null = no mail
        notify          : null,              // closure { Map check, String reportFile -> ... } (slackSend, ...); null = none
        securityResource: 'io/tdev/ops/security.yaml',
]

@Field static final List VERDICTS = ['OK', 'WARNING', 'UNKNOWN', 'CRITICAL']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevDailySecurityCheck', DEFAULTS, config)
    validate(s)

    Map check
    stage('Security check') {
        check = tdevSecurityCheck(tdevSettings.stepArgs(s, [windowHours: s.windowHours]))
        echo "tdevDailySecurityCheck: ${check.status}${findingSuffix(check)}"
    }

    String markdownFile = "${s.reportName}.md"
    stage('Report') {
        writeFile(file: markdownFile, text: markdownOf(check, s.environment))
        writeJSON(file: "${s.reportName}.json", json: check, pretty: 2)
        archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
    }

    List findings = findingsOf(check)
    currentBuild.description = "${check.status}${findings ? ': ' + findings.size() + ' finding(s)' : ''}"
    if (check.status != 'OK') {
        stage('Notify') {
            notifyPeople(s, check, markdownFile)
        }
    }
    if (check.status in s.unstableOn) {
        unstable("tdevDailySecurityCheck: ${check.status}${findingSuffix(check)} (report: ${markdownFile})")
    }
    return check
}

void validate(Map s) {
    tdevSettings.requirePositive('tdevDailySecurityCheck', 'windowHours', s.windowHours, 1)
    if (s.windowHours > 168) {
        error("tdevDailySecurityCheck: windowHours must be 1..168; got '${s.windowHours}'")
    }
    tdevSettings.requireAllIn('tdevDailySecurityCheck', 'unstableOn', s.unstableOn, VERDICTS)
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevDailySecurityCheck: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
    if (s.notify != null && !(s.notify instanceof Closure)) {
        error("tdevDailySecurityCheck: notify must be a closure { check, reportFile -> ... }; got '${s.notify}'")
    }
}

void notifyPeople(Map s, Map check, String markdownFile) {
    boolean told = false
    if (s.mailTo) {
        mail(to: s.mailTo,
                subject: "[tdev-ops] ${s.environment ?: 'T-Developer'} daily security check: ${check.status}".toString(),
                body: "${markdownOf(check, s.environment)}\n\n${env.BUILD_URL ?: ''}".toString())
        told = true
    }
    if (s.notify != null) {
        Closure notify = s.notify
        notify(check, markdownFile)
        told = true
    }
    if (!told) {
        echo "tdevDailySecurityCheck: no mailTo or notify configured; the build result is the only notification"
    }
}

@NonCPS
String markdownOf(Map check, String environment) {
    StringBuilder md = new StringBuilder()
    md << "# Daily security check${environment ? ' (' + environment + ')' : ''}: ${check.status}\n\n"
    md << "Checked at ${check.checkedAt}, log events of the last ${check.windowHours} h.\n\n"
    md << "| Signal | Status | Value | Evidence |\n|---|---|---|---|\n"
    (check.signals ?: []).each { Map signal ->
        md << "| ${tdevSettings.cell(signal.name)} | ${tdevSettings.cell(signal.status)} | ${tdevSettings.cell(signal.value)} | ${tdevSettings.cell(signal.evidence)} |\n"
    }
    return md.toString()
}

@NonCPS
List findingsOf(Map check) {
    return (check.signals ?: []).findAll { it.status != 'OK' }.collect { "${it.name} ${it.status}".toString() }
}

@NonCPS
String findingSuffix(Map check) {
    List findings = findingsOf(check)
    return findings ? ' (' + findings.join('; ') + ')' : ''
}
