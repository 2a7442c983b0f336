package io.tdev.ops.vars

import io.tdev.ops.api.TdevOps
import io.tdev.ops.api.change.ChangeStatus
import io.tdev.ops.model.InvalidInputException
import io.tdev.ops.model.PreconditionFailedException

/**
 * A {@link TdevOps} whose answers a unit test scripts, for the paths the simulated environment does not reach
 * easily (a rollback that fails, a refusal, a malformed answer). It accepts only the argument names the facade
 * documents, as the engine does, so a var passing a wrong name fails here too.
 */
class ScriptedOps implements TdevOps {
    static final Map<String, List<String>> ARGUMENTS = [
            healthCheck       : ['baselineTime', 'ignoreAlarms', 'windowMinutes', 'signals'],
            ecsDeploy         : ['image', 'container', 'wait', 'timeoutMinutes', 'dryRun'],
            markKnownGood     : ['revision', 'dryRun', 'requireHealthy', 'baselineTime', 'ignoreAlarms'],
            rollback          : ['target', 'reason', 'wait', 'timeoutMinutes', 'notify', 'dryRun'],
            scale             : ['count', 'force', 'wait', 'timeoutMinutes', 'dryRun'],
            preDeployChecklist: ['image', 'testReports', 'backupMaxAgeHours', 'takeBackup', 'scanSeverity', 'waive',
                                 'waivedBy', 'skip', 'notify', 'message', 'dryRun'],
            stability         : ['revision', 'desiredCount'],
    ]

    final List<Map> calls = []

    Closure checklist = { Map args -> checklistOf(passing()) }
    Closure deploy = { Map args ->
        [from: 't-developer:41', to: 't-developer:42', status: 'COMPLETED', deploymentId: 'ecs-svc/1',
         message: 't-developer-service-production is stable on t-developer:42', actions: []]
    }
    Closure health = { Map args -> healthy() }
    Closure mark = { Map args -> [revision: args.revision ?: 't-developer:42', status: 'MARKED', actions: []] }
    Closure rollbackTo = { Map args ->
        String to = args.target ==~ /.*:\d+/ ? args.target : 't-developer:41'
        [from: 't-developer:42', to: to, status: args.dryRun ? 'PLANNED' : 'COMPLETED',
         actions: [[what: 'update-service', target: 't-developer-service-production', before: 't-developer:42', after: to, dryRun: args.dryRun as boolean]],
         notification: args.dryRun ? null : 'sns-message-1']
    }

    static List<Map> passing() {
        ['tests-passed', 'image-scan', 'backup', 'rollback-plan', 'monitoring', 'team-notified'].collect {
            [name: it, status: 'PASS', evidence: "${it} ok".toString(), reason: null, by: null]
        }
    }

    static Map checklistOf(List<Map> items) {
        [passed: items.every { it.status != 'FAIL' }, items: items,
         junitXml: '<testsuite name="pre-deploy-checklist" tests="' + items.size() + '">' +
                 items.collect { '<testcase name="' + it.name + '"/>' }.join('') + '</testsuite>',
         markdown: '# Pre-deploy checklist\n' + items.collect { "- ${it.name}: ${it.status}" }.join('\n')]
    }

    static Map healthy() {
        [status: 'HEALTHY', reasons: [], signals: [[name: 'ecs-service', status: 'HEALTHY', value: 'running 2/2, pending 0', threshold: 'running = desired > 0', evidence: 'status ACTIVE']],
         checkedAt: '2026-11-26T09:00:00Z']
    }

    static Map verdict(String status, List<String> reasons) {
        [status: status, reasons: reasons, signals: [], checkedAt: '2026-11-26T09:00:00Z']
    }

    List<Map> callsOf(String method) {
        calls.findAll { it.method == method }
    }

    private Map answer(String method, Map args, Closure body) {
        List<String> allowed = ARGUMENTS[method]
        args.keySet().each { key ->
            if (!(key in allowed)) {
                throw InvalidInputException.notAllowed(method + ' argument', key, allowed)
            }
        }
        calls << [method: method, args: new LinkedHashMap(args)]
        Map result = body(args)
        // as the engine: a change's ok fact is its ChangeStatus' (a script names only the status)
        if (result != null && !result.containsKey('ok') && ChangeStatus.values()*.name().contains(result.status)) {
            result = result + [ok: ChangeStatus.valueOf(result.status as String).ok()]
        }
        return result
    }

    @Override
    Map<String, Object> healthCheck(Map<String, ?> args) { answer('healthCheck', args, health) }

    @Override
    Map<String, Object> ecsDeploy(Map<String, ?> args) { answer('ecsDeploy', args, deploy) }

    @Override
    Map<String, Object> markKnownGood(Map<String, ?> args) { answer('markKnownGood', args, mark) }

    @Override
    Map<String, Object> rollback(Map<String, ?> args) { answer('rollback', args, rollbackTo) }

    @Override
    Map<String, Object> scale(Map<String, ?> args) { throw new PreconditionFailedException('scale is not scripted') }

    @Override
    Map<String, Object> preDeployChecklist(Map<String, ?> args) { answer('preDeployChecklist', args, checklist) }

    @Override
    Map<String, Object> stability(Map<String, ?> args) { throw new PreconditionFailedException('stability is not scripted') }

    @Override
    Map<String, Object> finishRollout(Map<String, ?> args) { throw new PreconditionFailedException('finishRollout is not scripted') }
}
