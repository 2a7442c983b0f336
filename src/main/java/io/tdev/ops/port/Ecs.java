package io.tdev.ops.port;

import io.tdev.ops.model.EcsTask;
import io.tdev.ops.model.DeploymentRollback;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the runbook needs of ECS. Implementations throw {@link io.tdev.ops.model.TdevException}s only. */
public interface Ecs {
    /** Describes one service; a missing service is a PreconditionFailedException naming it. */
    ServiceState describeService(ServiceRef service);

    /**
     * Describes several services of one cluster (AWS: batches of 10 per call); names ECS does not find (MISSING or
     * INACTIVE) are left out, as ECS answers them; a missing cluster is a PreconditionFailedException.
     */
    List<ServiceState> describeServices(String cluster, List<String> services);

    /** Accepts {@code family:revision}, a full ARN, or a bare family (its latest ACTIVE revision). */
    TaskDefinition describeTaskDefinition(String taskDefinition);

    /** Revisions of a family, newest first; {@code activeOnly} drops INACTIVE (deregistered) ones. */
    List<TaskDefinitionRef> listTaskDefinitions(String family, boolean activeOnly);

    /**
     * Registers a new revision cloned from {@code base}, with the images of the named containers replaced
     * ({@code container name -> image}); everything else (roles, sizes, env, secrets refs) copied as is.
     */
    TaskDefinitionRef registerTaskDefinition(TaskDefinition base, Map<String, String> imagesByContainer);

    /** Points the service at a revision, which starts a new deployment; returns the new deployment's id. */
    String updateService(ServiceRef service, TaskDefinitionRef taskDefinition);

    /** Sets the desired task count (no new task definition). */
    void setDesiredCount(ServiceRef service, int desiredCount);

    /**
     * Stops the in-progress deployment (AWS: StopServiceDeployment), leaving the service on its previous one; when
     * none is in progress any more (it finished meanwhile) there is nothing to stop and nothing happens.
     */
    void stopDeployment(ServiceRef service, String deploymentId);

    void tagTaskDefinition(TaskDefinitionRef ref, Map<String, String> tags);

    /**
     * Deregisters a revision (it becomes INACTIVE; tasks already running it keep running); an unknown revision is a
     * PreconditionFailedException naming it.
     */
    void deregisterTaskDefinition(TaskDefinitionRef ref);

    void untagTaskDefinition(TaskDefinitionRef ref, List<String> keys);

    Map<String, String> tagsOf(TaskDefinitionRef ref);

    /** The service's tags (where a traffic event records what it changed, so any machine can restore it). */
    Map<String, String> serviceTags(ServiceRef service);

    void tagService(ServiceRef service, Map<String, String> tags);

    void untagService(ServiceRef service, List<String> keys);

    /**
     * The tasks a service keeps (desired status RUNNING, whatever their last status), oldest first (AWS: ListTasks by
     * service name, every page, then DescribeTasks in batches of 100). A missing service is a
     * PreconditionFailedException naming it.
     */
    List<EcsTask> serviceTasks(ServiceRef service);

    /** Stops one task, {@code reason} shown as its stopped reason; the service starts a replacement (AWS: StopTask). */
    void stopTask(String cluster, String taskArn, String reason);

    /**
     * The service's deployments created in {@code [from, to)} that ECS rolled back or is rolling back (statuses
     * ROLLBACK_*), oldest first (AWS: ListServiceDeployments, every page; ECS keeps 90 days).
     */
    List<DeploymentRollback> rollbacks(ServiceRef service, Instant from, Instant to);
}
