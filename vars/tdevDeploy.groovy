import groovy.transform.Field

// The gated deployment of the T-Developer runbook: Checklist -> Deploy -> Bake -> (Rollback).
// Every decision is made by the tdev-ops plugin steps (the engine); this var only orders them, asks a person
// where the runbook wants one, and turns verdicts into the build result.

// The parameters of tdevDeploy and their defaults. null next to "from checklist.yaml / thresholds.yaml" means
// the value comes from that library resource unless the job passes it.
// Where the steps run (environment, configFile, credentialsId, region, roleArn) is tdevSettings.WHERE_DEFAULTS.
@Field static final Map DEFAULTS = [
        // what is deployed
        image                 : null,   // image to roll out with tdevEcsDeploy (required, also with `deploy`)
        container             : null,   // container whose image is replaced; null = the environment's
        deploy                : null,   // closure { image -> ... } replacing the built-in ECS deploy; may return [from:, to:]
        // Checklist (tdevPreDeployChecklist)
        testReports           : null,   // this build's JUnit XML (directory or glob) for the tests-passed item
        waivable              : null,   // items an approver may waive; from checklist.yaml
        skip                  : null,   // items not checked; from checklist.yaml
        backupMaxAgeHours     : null,   // from checklist.yaml
        takeBackup            : null,   // from checklist.yaml
        scanSeverity          : null,   // from checklist.yaml
        notifyTeam            : null,   // send the "deploying now" SNS message; from checklist.yaml
        approvers             : null,   // who may approve a waiver (input submitter); from checklist.yaml
        approvalTimeoutMinutes: null,   // from checklist.yaml
        publishChecklist      : true,   // write the checklist as JUnit XML + Markdown, publish and archive them
        // Bake (tdevHealthCheck)
        bakeMinutes           : null,   // from thresholds.yaml
        pollSeconds           : null,   // from thresholds.yaml
        rollbackOn            : null,   // bake verdicts that roll back at once; from thresholds.yaml
        ignoreAlarms          : [],     // alarm names the bake never counts
        deployTimeoutMinutes  : null,   // from thresholds.yaml
        // Rollback (tdevRollback)
        rollback              : true,   // false: an unhealthy bake fails the build but leaves the service as it is
        rollbackTimeoutMinutes: null,   // from thresholds.yaml
        // where the defaults above come from
        checklistResource     : 'io/tdev/ops/checklist.yaml',
        thresholdsResource    : 'io/tdev/ops/thresholds.yaml',
]

@Field static final List VERDICTS = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN']

// (Helper methods below are not private: Jenkins' CPS runtime cannot always reach a script's private
// methods from the closures of stage/timeout.)
def call(Map config = [:]) {
    Map s = tdevSettings.resolve('tdevDeploy', DEFAULTS, config)
    validate(s)

    stage('Checklist') {
        runChecklist(s)
    }

    Map deployed
    String deployStart
    String deployFailure
    stage('Deploy') {
        // The engine's clock, not this agent's, marks the start: alarms already firing then are not the release's.
        Map before = tdevHealthCheck(tdevSettings.stepArgs(s, [ignoreAlarms: s.ignoreAlarms]))
        deployStart = before.checkedAt
        echo "tdevDeploy: before the deploy the service is ${before.status}${tdevSettings.reasonSuffix(before)}; bake counts only what changes after ${deployStart}"
        try {
            deployed = runDeploy(s)
        } catch (InterruptedException e) {
            // an abort is not a failed deploy: no automatic rollback; the build ends ABORTED (FlowInterruptedException)
            currentBuild.description = "${s.image}: deploy aborted; not rolled back (check it with tdevHealthCheck)"
            throw e
        } catch (Exception e) {
            deployFailure = "the deploy of ${s.image} failed: ${e.message}".toString()
        }
        // a failed deploy step says why only in prose; the facts come from a health check of the deploy's aftermath
        String ecsVerdict = ecsRolledBack(deployFailure ? healthAfterFailedDeploy(s, deployStart) : deployed)
        if (ecsVerdict) {
            currentBuild.description = "${s.image}: rolled back by ECS (deployment circuit breaker)"
            error("tdevDeploy: ECS rolled the deployment of ${s.image} back (circuit breaker): ${ecsVerdict}. " +
                    "The service runs the previous revision; the image is not marked known-good.")
        }
        if (!deployFailure && deployed.ok == false) {
            // the service is half-changed: the rollback below brings it back to the last revision known to be good
            deployFailure = "the deploy of ${s.image} ended ${deployed.status}: ${deployed.message}".toString()
        }
        if (!deployFailure) {
            echo "tdevDeploy: deployed ${s.image}: ${deployed.from ?: '?'} -> ${deployed.to ?: '?'} (${deployed.status ?: 'done'})"
        }
    }

    Map bake = [failed: false]
    if (!deployFailure) {
        stage('Bake') {
            bake = runBake(s, deployStart)
        }
    }
    if (deployFailure || bake.failed) {
        String why = deployFailure ?: bake.summary
        stage('Rollback') {
            rollBack(s, why)
        }
        return
    }

    if (bake.last.status == 'HEALTHY') {
        // The engine applies the one known-good rule (a HEALTHY check now, on a completed rollout of the revision),
        // the same one the demo uses; a refusal leaves the release deployed but unmarked.
        Map mark
        try {
            mark = tdevMarkKnownGood(tdevSettings.stepArgs(s, [revision      : deployed?.to, requireHealthy: true,
                                                               baselineTime  : deployStart,
                                                               ignoreAlarms  : s.ignoreAlarms]))
        } catch (InterruptedException e) {
            throw e   // an abort (FlowInterruptedException is one) is not a refusal
        } catch (Exception e) {
            currentBuild.description = "${s.image}: HEALTHY bake, but not marked known-good"
            unstable("tdevDeploy: ${s.image} stayed deployed but is not marked known-good: ${e.message}")
            return [deployed: deployed, health: bake.last]
        }
        currentBuild.description = "${s.image}: HEALTHY after ${s.bakeMinutes} min bake; ${mark.revision} marked known-good"
        echo "tdevDeploy: ${mark.revision} is the new last-known-good revision"
    } else {
        currentBuild.description = "${s.image}: ${bake.last.status} after the bake; not marked known-good"
        unstable("tdevDeploy: ${s.image} stayed deployed but ended the bake ${bake.last.status}${tdevSettings.reasonSuffix(bake.last)}; " +
                "it is not marked known-good")
    }
    return [deployed: deployed, health: bake.last]
}

void validate(Map s) {
    if (!s.image) {
        error("tdevDeploy: image is required (the image to deploy, e.g. 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/t-developer-backend-production:1.4.2)")
    }
    if (s.deploy != null && !(s.deploy instanceof Closure)) {
        error("tdevDeploy: deploy must be a closure { image -> ... }; got '${s.deploy}'")
    }
    tdevSettings.requirePositive('tdevDeploy', 'bakeMinutes', s.bakeMinutes, 1)
    tdevSettings.requirePositive('tdevDeploy', 'pollSeconds', s.pollSeconds, 1)
    tdevSettings.requirePositive('tdevDeploy', 'approvalTimeoutMinutes', s.approvalTimeoutMinutes, 1)
    tdevSettings.requirePositive('tdevDeploy', 'deployTimeoutMinutes', s.deployTimeoutMinutes, 1)
    tdevSettings.requirePositive('tdevDeploy', 'rollbackTimeoutMinutes', s.rollbackTimeoutMinutes, 1)
    tdevSettings.requireAllIn('tdevDeploy', 'rollbackOn', s.rollbackOn, VERDICTS)
    if (!(s.waivable instanceof List) || !(s.skip instanceof List) || !(s.ignoreAlarms instanceof List)) {
        error("tdevDeploy: waivable, skip and ignoreAlarms must be lists; got waivable '${s.waivable}', skip '${s.skip}', ignoreAlarms '${s.ignoreAlarms}'")
    }
    // the engine's deploy.bakeMinutes rule: a bake shorter than one poll interval ends before its first health check
    if (s.pollSeconds > s.bakeMinutes * 60) {
        error("tdevDeploy: bakeMinutes: got ${s.bakeMinutes}; at least one poll interval (pollSeconds ${s.pollSeconds}): a shorter bake ends before its first health check")
    }
}

// The checklist's side effects (the team notification, an on-demand backup) must happen once per build, yet a waiver
// needs a second run: the checklist has no way to record a waiver in a result it already gave. So when the team is to be
// told, the first run only checks (notify: false; its team-notified FAIL is that choice, not a finding) and the second
// run, the one published, tells the team once with the whole truth: every item as it is then, waivers with who and
// why. A backup the first run took is fresh for the second, which then reports it instead of taking another.
Map runChecklist(Map s) {
    Map args = tdevSettings.stepArgs(s, [image            : s.image, testReports: s.testReports,
                                         backupMaxAgeHours: s.backupMaxAgeHours, takeBackup: s.takeBackup,
                                         scanSeverity     : s.scanSeverity, skip: s.skip, notify: s.notifyTeam,
                                         message          : "Deploying ${s.image} (${env.BUILD_URL ?: 'tdevDeploy'})".toString()])
    boolean notifies = args.notify != false && !('team-notified' in (s.skip ?: []))
    Map first = tdevPreDeployChecklist(notifies ? args + [notify: false] : args)
    List failed = notifies ? itemsOtherThan(itemsWith(first, 'FAIL'), 'team-notified') : itemsWith(first, 'FAIL')
    Map approval = null
    if (failed && !notWaivable(failed, s.waivable)) {
        approval = askWaiver(s, failed)
    }
    Map result = first
    if (approval) {
        result = tdevPreDeployChecklist(args + [waive: waivers(failed, approval.reason), waivedBy: approval.approver])
    } else if (notifies) {
        result = tdevPreDeployChecklist(args)
    }
    publishChecklist(s, result)
    List stillFailed = itemsWith(result, 'FAIL')
    if (!stillFailed) {
        echo(approval ? "tdevDeploy: ${names(failed).join(', ')} waived by ${approval.approver}: ${approval.reason}"
                : "tdevDeploy: pre-deploy checklist passed: ${itemSummary(result.items)}")
        return result
    }
    currentBuild.description = "${s.image}: checklist failed (${names(stillFailed).join(', ')}); not deployed"
    if (approval) {
        error("tdevDeploy: the pre-deploy checklist still fails after the waiver; nothing was deployed. Failed: ${describe(stillFailed)}")
    }
    List blocking = notWaivable(stillFailed, s.waivable)
    List waivableToo = names(stillFailed).minus(names(blocking))
    error("tdevDeploy: the pre-deploy checklist failed; nothing was deployed. Failed: ${describe(stillFailed)}" +
            (waivableToo && blocking ? ". ${waivableToo.join(', ')} could be waived, ${names(blocking).join(', ')} cannot" : ''))
}

Map askWaiver(Map s, List failed) {
    Map request = [id                : 'TdevWaiver',
                   message           : "Pre-deploy checklist: ${describe(failed)}. Waive and deploy ${s.image}?".toString(),
                   ok                : 'Waive and deploy',
                   submitterParameter: 'approver',
                   parameters        : [string(name: 'reason', defaultValue: '',
                           description: 'Why these items may be waived for this deploy (recorded in the checklist)')]]
    if (s.approvers) {
        request.submitter = s.approvers
    }
    def answer
    timeout(time: s.approvalTimeoutMinutes, unit: 'MINUTES') {
        answer = input(request)
    }
    Map approval = answer instanceof Map ? answer : [approver: null, reason: answer]
    String reason = approval.reason == null ? '' : approval.reason.toString().trim()
    if (!reason) {
        error("tdevDeploy: a waiver needs a reason; ${approval.approver ?: 'the approver'} gave none, so nothing was deployed")
    }
    return [approver: approval.approver ?: 'unknown', reason: reason]
}

void publishChecklist(Map s, Map result) {
    if (!s.publishChecklist) {
        return
    }
    if (result.junitXml) {
        writeFile(file: 'tdev-ops/checklist.xml', text: result.junitXml)
        junit(testResults: 'tdev-ops/checklist.xml', allowEmptyResults: false)
    }
    if (result.markdown) {
        writeFile(file: 'tdev-ops/checklist.md', text: result.markdown)
        archiveArtifacts(artifacts: 'tdev-ops/checklist.md', allowEmptyArchive: false)
    }
}

Map runDeploy(Map s) {
    if (s.deploy != null) {
        Closure deploy = s.deploy
        def returned = deploy(s.image)
        return returned instanceof Map ? returned : [:]
    }
    return tdevEcsDeploy(tdevSettings.stepArgs(s, [image: s.image, container: s.container, wait: true,
                                                   timeoutMinutes: s.deployTimeoutMinutes]))
}

// Health checks every pollSeconds for bakeMinutes; stops at the first verdict in rollbackOn.
Map runBake(Map s, String deployStart) {
    int totalSeconds = s.bakeMinutes * 60
    int checks = (int) Math.ceil(totalSeconds / (double) s.pollSeconds)
    Map last = null
    for (int i = 1; i <= checks; i++) {
        int wait = Math.min(s.pollSeconds, totalSeconds - (i - 1) * s.pollSeconds)
        sleep(time: wait, unit: 'SECONDS')
        int elapsed = Math.min(i * s.pollSeconds, totalSeconds)
        last = tdevHealthCheck(tdevSettings.stepArgs(s, [baselineTime: deployStart, ignoreAlarms: s.ignoreAlarms]))
        echo "tdevDeploy: bake ${clock(elapsed)} of ${clock(totalSeconds)}: ${last.status}${tdevSettings.reasonSuffix(last)}"
        String ecsVerdict = ecsRolledBack(last)
        if (ecsVerdict) {
            currentBuild.description = "${s.image}: rolled back by ECS (deployment circuit breaker)"
            error("tdevDeploy: ECS rolled the deployment of ${s.image} back during the bake (circuit breaker): ${ecsVerdict}. " +
                    "The service runs the previous revision; the image is not marked known-good.")
        }
        String rolloutFailed = ecsRolloutFailed(last)
        if (rolloutFailed || last.status in s.rollbackOn) {
            return [failed : true, last: last,
                    summary: "${s.image} was ${last.status} after ${clock(elapsed)} of the ${s.bakeMinutes} min bake: ${rolloutFailed ?: reasonText(last)}".toString()]
        }
    }
    return [failed: false, last: last]
}

void rollBack(Map s, String why) {
    if (!s.rollback) {
        currentBuild.description = "${s.image}: not rolled back (rollback: false)"
        error("tdevDeploy: ${why}. Not rolled back because rollback is false; the service still runs it.")
    }
    Map outcome = tdevSettings.tryRollback(tdevSettings.stepArgs(s, [target        : 'last-known-good',
                                                                     reason        : "tdevDeploy ${s.image}: ${why}".toString(),
                                                                     timeoutMinutes: s.rollbackTimeoutMinutes]))
    Map rolled = outcome.rolled
    String rollbackFailure = outcome.failure
    if (rollbackFailure) {
        currentBuild.description = "${s.image}: ROLLBACK FAILED"
        error("tdevDeploy: ${why}. The rollback to last-known-good FAILED: ${rollbackFailure}. " +
                "Run the one-click rollback job (tdevOneClickRollback, target last-known-good) or " +
                "`tdev-ops rollback --target last-known-good` now.")
    }
    currentBuild.description = "${s.image}: rolled back to ${rolled.to}"
    error("tdevDeploy: ${why}. Rolled back to last-known-good: ${rolled.from} -> ${rolled.to} " +
            "(${rolled.status})${rolled.notification ? '; SNS alert: ' + rolled.notification : ''}.")
}

// ECS's deployment circuit breaker rolled the service back by itself: the engine's fact on the deploy result or the
// health check (circuitBreakerRolledBack), never its message text. Returns what to tell the person, or null.
@NonCPS
String ecsRolledBack(Map result) {
    if (result == null || !result.circuitBreakerRolledBack) {
        return null
    }
    if (result.stability instanceof Map) {
        return String.valueOf(result.stability.message)
    }
    Map signal = (result.signals ?: []).find { it.name == 'ecs-service' }
    return signal ? "ecs-service: ${signal.value}".toString() : "ECS rollout ${result.rolloutState}".toString()
}

// The health check after a deploy step that failed (the step's error carries no facts); null when it cannot be read.
Map healthAfterFailedDeploy(Map s, String deployStart) {
    try {
        return tdevHealthCheck(tdevSettings.stepArgs(s, [baselineTime: deployStart, ignoreAlarms: s.ignoreAlarms]))
    } catch (InterruptedException e) {
        throw e
    } catch (Exception e) {
        echo "tdevDeploy: after the failed deploy the health check failed too: ${e.message}"
        return null
    }
}

// ECS marked the new deployment's rollout FAILED without (yet) rolling back: the bake fails whatever rollbackOn says.
@NonCPS
String ecsRolloutFailed(Map health) {
    if (health == null || !health.rolloutFailed) {
        return null
    }
    Map signal = (health.signals ?: []).find { it.name == 'ecs-service' }
    return "ecs-service: ${signal ? signal.value : 'the rollout FAILED'}".toString()
}

@NonCPS
List itemsWith(Map checklist, String status) {
    return (checklist.items ?: []).findAll { it.status == status }
}

@NonCPS
List itemsOtherThan(List items, String name) {
    return items.findAll { it.name != name }
}

@NonCPS
List notWaivable(List failed, List waivable) {
    return failed.findAll { !(it.name in waivable) }
}

@NonCPS
List names(List items) {
    return items.collect { String.valueOf(it.name) }
}

// the step's waive argument: one [item:, reason:] per waived item (a describable list the Snippet Generator renders)
@NonCPS
List waivers(List items, String reason) {
    return items.collect { [item: String.valueOf(it.name), reason: reason] }
}

@NonCPS
String describe(List items) {
    return items.collect { "${it.name} (${it.evidence ?: it.reason ?: 'no evidence'})" }.join('; ')
}

@NonCPS
String itemSummary(List items) {
    return (items ?: []).collect { "${it.name} ${it.status}" }.join(', ')
}

@NonCPS
String reasonText(Map health) {
    List reasons = health?.reasons ?: []
    return reasons ? reasons.join('; ') : 'no reason given'
}


@NonCPS
String clock(int seconds) {
    return seconds % 60 == 0 ? "${(int) (seconds / 60)}m" : "${(int) (seconds / 60)}m${seconds % 60}s"
}
