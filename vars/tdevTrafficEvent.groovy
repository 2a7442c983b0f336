import groovy.transform.Field

// The runbook's procedure for expected traffic as one job: prepare (scale ahead, database up, recorded on the
// service) -> optional load test with the load watch beside it -> wait for the event (or an approval) -> restore.
// Restore runs in a finally block: a failed or aborted build still puts everything back, and says it did.

// The parameters of tdevTrafficEvent and their defaults.
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        // prepare
        tasks                 : 10,        // desired tasks during the event (the runbook: 10)
        instanceClass         : null,      // the database's class during the event (e.g. db.r6g.xlarge); null = leave the database
        // the load test (k6) and its watch
        loadTest              : null,      // k6 script in the workspace (e.g. 'load/event.js'); null = no load test
        virtualUsers          : 100,       // k6 --vus (the runbook: 100)
        loadDuration          : '10m',     // k6 --duration and the watch's duration (the runbook: 10 minutes)
        p95LimitSeconds       : null,      // stop the test above this ALB p95; null = the environment's pipeline SLO
        errorRateLimitPercent : null,      // stop the test above this 5xx share; null = the environment's high-error-rate SLO
        loadAgent             : 'k6',      // node label of the agents where k6 is installed
        loadStash             : null,      // a stash with the k6 script, unstashed on the load agent; null = the script is already there
        // the event itself
        waitFor               : 'approval', // 'approval': an input before restore; 'none': restore right after the test; or a duration such as '2h'
        approvers             : null,      // who may answer the input (Jenkins user ids or groups, comma-separated); null = anyone who may build
        approvalTimeoutMinutes: 1440,      // the input waits this long, then the job restores
        dryRun                : false,     // plan prepare and restore; change nothing, run no load test
]

@Field static final String STOP_FILE = 'tdev-load-watch.stop'

def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevTrafficEvent', DEFAULTS, config)
    validate(s)
    Map result = [prepared: null, watched: null, restored: null]
    String ending = 'completed'
    try {
        stage('Prepare') {
            result.prepared = tdevTrafficPrepare(tdevSettings.stepArgs(s, [tasks: s.tasks, instanceClass: s.instanceClass,
                                                                             dryRun: s.dryRun]))
            echo "tdevTrafficEvent: prepare ${result.prepared.status}${result.prepared.message ? ': ' + result.prepared.message : ''}"
            if (!result.prepared.ok) {
                error("tdevTrafficEvent: prepare ${result.prepared.status}: ${result.prepared.message}")
            }
        }
        if (s.loadTest && !s.dryRun) {
            stage('Load test') {
                result.watched = loadTest(s)
            }
        }
        stage('Event') {
            waitForTheEvent(s)
        }
    } catch (InterruptedException e) {
        // an abort stays an abort: the build ends ABORTED, after the restore below
        ending = 'aborted'
        throw e
    } catch (Exception e) {
        ending = 'failed'
        throw e
    } finally {
        stage('Restore') {
            result.restored = tdevTrafficRestore(tdevSettings.stepArgs(s, [dryRun: s.dryRun]))
            String said = "tdevTrafficEvent: restore ${result.restored.status} after the job ${ending}" +
                    "${result.restored.message ? ': ' + result.restored.message : ''}"
            echo said
            currentBuild.description = "traffic event ${ending}; restore ${result.restored.status}"
            if (!result.restored.ok) {
                error("${said}; run 'tdev-ops traffic-event restore' (it reads what is left on the service)")
            }
        }
    }
    return result
}

Map loadTest(Map s) {
    Map watched = null
    node(s.loadAgent) {
        if (sh(script: 'command -v k6 >/dev/null', returnStatus: true) != 0) {
            error("tdevTrafficEvent: k6 is not installed on the '${s.loadAgent}' agent; install it or set loadTest: null")
        }
        if (s.loadStash) {
            unstash(s.loadStash)
        }
        sh(script: "rm -f ${STOP_FILE}")
        parallel(
                k6: {
                    // k6 runs until its duration ends or the watch writes the stop file
                    sh(script: """k6 run --vus ${s.virtualUsers} --duration ${s.loadDuration} '${s.loadTest}' & pid=\$!
while kill -0 \$pid 2>/dev/null; do
  if [ -f ${STOP_FILE} ]; then kill \$pid; echo "k6 stopped by tdevLoadWatch: \$(cat ${STOP_FILE})"; break; fi
  sleep 5
done
wait \$pid || true""")
                },
                watch: {
                    watched = tdevLoadWatch(tdevSettings.stepArgs(s, [duration: s.loadDuration, p95LimitSeconds: s.p95LimitSeconds,
                                                                      errorRateLimitPercent: s.errorRateLimitPercent,
                                                                      stopFile: STOP_FILE]))
                })
        writeFile(file: 'load-watch.md', text: watched.markdown)
        archiveArtifacts(artifacts: 'load-watch.md', allowEmptyArchive: false)
    }
    echo "tdevTrafficEvent: load test ${watched.status}${watched.stoppedBecause ? ': ' + watched.stoppedBecause : ''}"
    if (watched.status == 'STOPPED') {
        unstable("tdevTrafficEvent: the load watch stopped the load test: ${watched.stoppedBecause}")
    }
    return watched
}

void waitForTheEvent(Map s) {
    if (s.waitFor == 'none' || s.dryRun) {
        return
    }
    if (s.waitFor == 'approval') {
        Map question = [message: "Traffic event on ${s.environment ?: 'the default environment'}: restore the service now?",
                     ok     : 'Restore']
        if (s.approvers) {
            question.submitter = s.approvers
        }
        // a decline or a timeout aborts the build (Jenkins' FlowInterruptedException): the restore runs all the same
        timeout(time: s.approvalTimeoutMinutes, unit: 'MINUTES') {
            input(question)
        }
        return
    }
    sleep(time: durationSeconds(s.waitFor), unit: 'SECONDS')
}

void validate(Map s) {
    tdevSettings.requirePositive('tdevTrafficEvent', 'tasks', s.tasks, 1)
    tdevSettings.requirePositive('tdevTrafficEvent', 'virtualUsers', s.virtualUsers, 1)
    tdevSettings.requirePositive('tdevTrafficEvent', 'approvalTimeoutMinutes', s.approvalTimeoutMinutes, 1)
    if (!(s.loadDuration ==~ /(\d+h)?(\d+m)?(\d+s)?/) || !s.loadDuration) {
        error("tdevTrafficEvent: loadDuration must be a duration such as 10m, 90s or 1h30m; got '${s.loadDuration}'")
    }
    if (!(s.waitFor in ['approval', 'none']) && !(s.waitFor ==~ /(\d+h)?(\d+m)?(\d+s)?/ && s.waitFor)) {
        error("tdevTrafficEvent: waitFor must be approval, none or a duration such as 2h; got '${s.waitFor}'")
    }
    if (s.loadTest != null && !(s.loadTest ==~ /[A-Za-z0-9._\/-]+/)) {
        error("tdevTrafficEvent: loadTest must be a path in the workspace of letters, digits, '.', '_', '-' and '/'; got '${s.loadTest}'")
    }
}

@NonCPS
long durationSeconds(String text) {
    def m = text =~ /(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?/
    m.matches()
    return ((m.group(1) ?: '0') as long) * 3600 + ((m.group(2) ?: '0') as long) * 60 + ((m.group(3) ?: '0') as long)
}
