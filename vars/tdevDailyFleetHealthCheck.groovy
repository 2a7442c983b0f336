import groovy.transform.Field

// Many services' health as one scheduled job: one tdevFleetHealth run (ECS in batches of 10, one alarm sweep, the
// metrics of all services in a few GetMetricData calls, ERROR counts through Logs Insights), one row per service in
// the report archived as Markdown and JSON, a notification when the fleet is not HEALTHY, the verdict as the build
// result. The fleet's verdict is its worst service's.

// The parameters of tdevDailyFleetHealthCheck and their defaults.
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        // what is checked
        services  : [],                      // NAME (in the environment's cluster) or CLUSTER/NAME; [] = the fleet the environment config lists (fleet.clusters)
        // the report
        reportName: 'fleet-health',          // files REPORTNAME.md and REPORTNAME.json in the workspace, archived
        // verdict -> build result
        unstableOn: ['DEGRADED', 'UNKNOWN'], // fleet verdicts that make the build UNSTABLE
        failOn    : ['UNHEALTHY'],           // fleet verdicts that fail the build
        // who hears about a verdict other than HEALTHY
        mailTo    : null,                    // comma-separated addresses for the mail step; null = no mail
        notify    : null,                    // closure { Map fleet, String reportFile -> ... } (slackSend, ...); null = none
]

@Field static final List VERDICTS = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN']

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevDailyFleetHealthCheck', DEFAULTS, config)
    validate(s)

    Map fleet
    stage('Fleet health') {
        fleet = tdevFleetHealth(tdevSettings.stepArgs(s, [services: s.services]))
        echo "tdevDailyFleetHealthCheck: ${summary(fleet)}"
    }

    String markdownFile = "${s.reportName}.md"
    stage('Report') {
        writeFile(file: markdownFile, text: markdownOf(fleet))
        writeJSON(file: "${s.reportName}.json", json: fleet, pretty: 2)
        archiveArtifacts(artifacts: "${s.reportName}.md,${s.reportName}.json", allowEmptyArchive: false)
    }

    currentBuild.description = summary(fleet)
    if (fleet.status != 'HEALTHY') {
        stage('Notify') {
            notifyPeople(s, fleet, markdownFile)
        }
    }
    String verdict = "tdevDailyFleetHealthCheck: ${summary(fleet)} (report: ${markdownFile})"
    if (fleet.status in s.failOn) {
        error(verdict)
    }
    if (fleet.status in s.unstableOn) {
        unstable(verdict)
    }
    return fleet
}

void validate(Map s) {
    if (!(s.services instanceof List) || s.services.any { !(it instanceof CharSequence) }) {
        error("tdevDailyFleetHealthCheck: services must be a list of service names (NAME or CLUSTER/NAME), [] for the configured fleet; got '${s.services}'")
    }
    tdevSettings.requireAllIn('tdevDailyFleetHealthCheck', 'unstableOn', s.unstableOn, VERDICTS)
    tdevSettings.requireAllIn('tdevDailyFleetHealthCheck', 'failOn', s.failOn, VERDICTS)
    if (!(s.reportName ==~ /[A-Za-z0-9._-]+/)) {
        error("tdevDailyFleetHealthCheck: reportName must be a file name of letters, digits, '.', '_' or '-'; got '${s.reportName}'")
    }
    if (s.notify != null && !(s.notify instanceof Closure)) {
        error("tdevDailyFleetHealthCheck: notify must be a closure { fleet, reportFile -> ... }; got '${s.notify}'")
    }
}

void notifyPeople(Map s, Map fleet, String markdownFile) {
    boolean told = false
    if (s.mailTo) {
        mail(to: s.mailTo,
                subject: "[tdev-ops] ${fleet.environment ?: 'T-Developer'} fleet health: ${summary(fleet)}".toString(),
                body: "${markdownOf(fleet)}\n\n${env.BUILD_URL ?: ''}".toString())
        told = true
    }
    if (s.notify != null) {
        Closure notify = s.notify
        notify(fleet, markdownFile)
        told = true
    }
    if (!told) {
        echo "tdevDailyFleetHealthCheck: no mailTo or notify configured; the build result is the only notification"
    }
}

// "UNHEALTHY: 3 of 24 services not HEALTHY"
@NonCPS
String summary(Map fleet) {
    List services = fleet.services ?: []
    int notHealthy = services.count { it.status != 'HEALTHY' } as int
    return "${fleet.status}: ${notHealthy} of ${services.size()} services not HEALTHY".toString()
}

// One row per service, the troubled ones first (a person reads the top of a long table).
@NonCPS
String markdownOf(Map fleet) {
    StringBuilder md = new StringBuilder()
    md << "# Fleet health (${fleet.environment}): ${fleet.status}\n\n"
    md << "${summary(fleet)}; checked at ${fleet.checkedAt}\n\n"
    md << "| Service | Cluster | Status | Reasons |\n|---|---|---|---|\n"
    List rank = ['UNHEALTHY', 'UNKNOWN', 'DEGRADED', 'HEALTHY']
    List services = new ArrayList(fleet.services ?: [])
    List ordered = []
    rank.each { String status -> ordered.addAll(services.findAll { it.status == status }) }
    ordered.addAll(services.findAll { !(it.status in rank) })
    ordered.each { Map row ->
        md << "| ${tdevSettings.cell(row.name)} | ${tdevSettings.cell(row.cluster)} | ${tdevSettings.cell(row.status)} | ${tdevSettings.cell((row.reasons ?: []).join('; '))} |\n"
    }
    return md.toString()
}
