package io.tdev.ops.maintenance;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.maintenance.MaintenanceRequest;
import io.tdev.ops.api.maintenance.MaintenanceResult.TaskResult;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.support.Retry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * task-definitions: ACTIVE revisions of the service's family beyond the newest {@code keepRevisions} are
 * deregistered, except the current one, any a deployment still uses, and the last known-good (the rollback target).
 */
final class TaskDefinitionsTask implements MaintenanceTask {
    private final OpsContext context;

    TaskDefinitionsTask(OpsContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "task-definitions";
    }

    @Override
    public TaskResult run(MaintenanceRequest request) {
        Retry retry = Retry.reads(context.sleeper());
        ServiceState service = retry.call(() -> context.ports().ecs().describeService(context.config().serviceRef()));
        String family = service.taskDefinition().family();
        List<TaskDefinitionRef> active = retry.call(() -> context.ports().ecs().listTaskDefinitions(family, true));
        Set<TaskDefinitionRef> protectedRefs = new LinkedHashSet<>();
        protectedRefs.add(service.taskDefinition());
        service.deployments().stream().map(Deployment::taskDefinition).forEach(protectedRefs::add);
        String tag = context.config().deploy().knownGoodTag();
        TaskDefinitionRef knownGood = null;
        for (TaskDefinitionRef ref : active) {
            if (retry.call(() -> context.ports().ecs().tagsOf(ref)).containsKey(tag)) {
                knownGood = ref;
                break;
            }
        }
        if (knownGood != null) {
            protectedRefs.add(knownGood);
        }
        Plan plan = new Plan(name(), context.clock());
        List<String> findings = new ArrayList<>();
        List<TaskDefinitionRef> beyond = active.size() > request.keepRevisions()
                ? active.subList(request.keepRevisions(), active.size()) : List.of();
        for (TaskDefinitionRef ref : beyond) {
            if (protectedRefs.contains(ref)) {
                findings.add(ref + " kept: " + (ref.equals(knownGood) ? "last known-good" : "in use by the service"));
                continue;
            }
            plan.add("deregister task definition", ref.toString(), "ACTIVE", "INACTIVE",
                    () -> context.ports().ecs().deregisterTaskDefinition(ref));
        }
        String summary = active.size() + " ACTIVE revision(s) of " + family + "; keeping the newest "
                + request.keepRevisions() + (knownGood != null ? ", the last known-good " + knownGood : "")
                + " and those in use; " + plan.size() + " to deregister";
        return plan.carryOut(request.dryRun(), summary, findings);
    }
}
