package io.tdev.ops.vars

import io.tdev.ops.api.change.ChangeStatus
import io.tdev.ops.api.change.RollbackTarget
import io.tdev.ops.model.PreconditionFailedException

/**
 * Answers to the runbook's six plugin steps that a unit test scripts, for the paths the simulated environment does not
 * reach easily (a rollback that fails, a refusal, a malformed answer): each answer is the map the step would return.
 * A step call is read as the plugin's step reads it ({@link StepCall}, {@link RunbookSteps#PARAMETERS}), so a var
 * passing a wrong name or type fails here too. Calls are recorded under the use case's name with the arguments the
 * plugin passes on (waivers as item -> reason).
 */
class ScriptedOps {
    /** The use case each step runs, the name calls are recorded under. */
    static final Map<String, String> USE_CASES = [tdevHealthCheck       : 'healthCheck',
                                                  tdevPreDeployChecklist: 'preDeployChecklist',
                                                  tdevEcsDeploy         : 'ecsDeploy',
                                                  tdevRollback          : 'rollback',
                                                  tdevScale             : 'scale',
                                                  tdevMarkKnownGood     : 'markKnownGood']

    final List<Map> calls = []

    Closure checklist = { Map args -> checklistOf(passing()) }
    Closure deploy = { Map args ->
        [from: 't-developer:41', to: 't-developer:42', status: 'COMPLETED', deploymentId: 'ecs-svc/1',
         message: 't-developer-service-production is stable on t-developer:42', actions: []]
    }
    Closure health = { Map args -> healthy() }
    Closure mark = { Map args -> [revision: args.revision ?: 't-developer:42', status: 'MARKED', actions: []] }
    Closure rollbackTo = { Map args ->
        // the target is read as the engine reads it: a form it refuses is its InvalidInputException
        RollbackTarget target = RollbackTarget.parse(args.target as String)
        String to = target.kind() == RollbackTarget.Kind.REVISION ? args.target : 't-developer:41'
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

    /** Binds the six steps of {@code harness} to these answers (as they are when the step is called). */
    PipelineHarness bind(PipelineHarness harness) {
        USE_CASES.each { String step, String useCase ->
            harness.bindStep(step, RunbookSteps.PARAMETERS[step]) { StepCall c ->
                Map args = new LinkedHashMap(c.args)
                if (c.has('waive')) {
                    args.waive = c.waivers('waive')
                }
                answer(useCase, args)
            }
        }
        return harness
    }

    private Closure script(String useCase) {
        switch (useCase) {
            case 'healthCheck': return health
            case 'preDeployChecklist': return checklist
            case 'ecsDeploy': return deploy
            case 'rollback': return rollbackTo
            case 'markKnownGood': return mark
            default: return { Map args -> throw new PreconditionFailedException("${useCase} is not scripted") }
        }
    }

    private Map answer(String useCase, Map args) {
        calls << [method: useCase, args: new LinkedHashMap(args)]
        Map result = script(useCase)(args)
        // as the engine: a change's ok fact is its ChangeStatus' (a script names only the status)
        if (result != null && !result.containsKey('ok') && ChangeStatus.values()*.name().contains(result.status)) {
            result = result + [ok: ChangeStatus.valueOf(result.status as String).ok()]
        }
        return result
    }
}
