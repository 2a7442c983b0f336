import groovy.transform.Field

// The runbook's Monday report as a job: one tdevWeeklyReport, its HTML page, Markdown and JSON archived, the team's
// SNS topic told the summary through the engine, and UNSTABLE when an SLO was missed (not a broken build).

// The parameters of tdevWeeklySloReport and their defaults (null next to "from schedule.yaml": that resource).
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        weekEnding         : null,             // YYYY-MM-DD, the week's last day; null = the week that ended last Sunday
        unstableOnMissedSlo: null,             // a missed SLO makes the build UNSTABLE; from schedule.yaml (true)
        notifyTeam         : null,             // publish the summary to the environment's SNS topic; from schedule.yaml (true)
        reportName         : 'weekly-slo-report', // REPORTNAME.html, .md and .json in the workspace, archived
        mailTo             : null,             // comma-separated addresses for the mail step; null = no mail
        notify             : null,             // closure { Map report, String reportFile -> ... } (slackSend, ...); null = none
        scheduleResource   : 'io/tdev/ops/schedule.yaml',
]

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevWeeklySloReport', DEFAULTS, config)
    validate(s)

    Map report
    stage('Weekly SLO report') {
        report = tdevWeeklyReport(tdevSettings.stepArgs(s, [notifyTeam: s.notifyTeam, htmlFile: "${s.reportName}.html".toString()]
                + (s.weekEnding ? [weekEnding: s.weekEnding] : [:])))
        echo "tdevWeeklySloReport: ${summaryOf(report)}"
    }

    String markdownFile = "${s.reportName}.md"
    stage('Report') {
        writeFile(file: markdownFile, text: report.markdown)
        writeJSON(file: "${s.reportName}.json", json: report, pretty: 2)
        archiveArtifacts(artifacts: "${s.reportName}.html,${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
    }

    currentBuild.description = "${report.from} .. ${report.to}: ${summaryOf(report)}"
    stage('Notify') {
        notifyPeople(s, report, markdownFile)
    }
    if (!report.ok && s.unstableOnMissedSlo) {
        unstable("tdevWeeklySloReport: ${summaryOf(report)} (report: ${markdownFile})")
    }
    if (s.notifyTeam && !notifiedTeam(report)) {
        unstable("tdevWeeklySloReport: the summary was not sent to the team's topic (see ${markdownFile})")
    }
    return report
}

void validate(Map s) {
    if (s.weekEnding != null && !(s.weekEnding ==~ /\d{4}-\d{2}-\d{2}/)) {
        error("tdevWeeklySloReport: weekEnding must be a date YYYY-MM-DD or null for last week; got '${s.weekEnding}'")
    }
    if (!(s.notifyTeam instanceof Boolean)) {
        error("tdevWeeklySloReport: notifyTeam must be true or false; got '${s.notifyTeam}'")
    }
    if (!(s.unstableOnMissedSlo instanceof Boolean)) {
        error("tdevWeeklySloReport: unstableOnMissedSlo must be true or false; got '${s.unstableOnMissedSlo}'")
    }
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevWeeklySloReport: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
    if (s.notify != null && !(s.notify instanceof Closure)) {
        error("tdevWeeklySloReport: notify must be a closure { report, reportFile -> ... }; got '${s.notify}'")
    }
}

void notifyPeople(Map s, Map report, String markdownFile) {
    boolean told = notifiedTeam(report)
    if (told) {
        echo "tdevWeeklySloReport: summary sent to the team's topic (${teamMessage(report)})"
    }
    if (s.mailTo) {
        mail(to: s.mailTo,
                subject: "[tdev-ops] ${s.environment ?: 'T-Developer'} weekly SLO report ${report.from} .. ${report.to}: ${summaryOf(report)}".toString(),
                body: "${report.markdown}\n\n${env.BUILD_URL ?: ''}".toString())
        told = true
    }
    if (s.notify != null) {
        Closure notify = s.notify
        notify(report, markdownFile)
        told = true
    }
    if (!told) {
        echo "tdevWeeklySloReport: no notifyTeam, mailTo or notify configured; the archived report is the only publication"
    }
}

@NonCPS
boolean notifiedTeam(Map report) {
    return (report.actions ?: []).any { it.what == 'notify' }
}

/** The SNS message the engine's notify action recorded, e.g. "message 3f2a...". */
@NonCPS
String teamMessage(Map report) {
    return (report.actions ?: []).find { it.what == 'notify' }?.after
}

@NonCPS
String summaryOf(Map report) {
    List missed = (report.slos ?: []).findAll { !it.met }.collect { "${it.name} ${it.status}".toString() }
    return missed ? "SLOs not met: ${missed.join(', ')}".toString() : 'every SLO met'
}
