package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.Stability;

import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Failures;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Waits;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.Container;
import io.tdev.ops.model.Deployment;
import io.tdev.ops.model.EcrImage;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RolloutState;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinition;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys an image: registers a revision cloned from the service's current task definition with the container's
 * image replaced, points the service at it, and waits until it is stable. Refuses while another deployment is
 * still rolling, because a second one would race it.
 */
public final class Deploy implements DeployUseCase {

    /** The planned new revision's place in "FAMILY:(new revision)": ECS numbers it when it is registered. */
    static final String NEW_REVISION = ":(new revision)";

    private final OpsContext ctx;

    public Deploy(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DeployResult run(DeployRequest request) {
        String image = request.image();
        EcrImage ecrImage = request.ecrImage();
        Duration timeout = Timeouts.stable(ctx, request.timeout());
        ServiceRef ref = ctx.config().serviceRef();
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
        if (s.deploymentInProgress()) {
            throw new PreconditionFailedException(inProgressMessage(s));
        }
        TaskDefinitionRef from = s.taskDefinition();
        TaskDefinition current = ctx.retry().call(() -> ctx.ports().ecs().describeTaskDefinition(from.toString()));
        Container container = pickContainer(current, request.container());

        if (image.equals(container.image())) {
            String msg = ref.service() + " already runs " + image + " in container " + container.name() + " of " + from;
            ctx.progress().report(msg + "; nothing to deploy");
            return DeployResult.of(from, from, container.name(), image, ChangeStatus.UNCHANGED, null, msg, null,
                    null, List.of());
        }
        requirePushed(ecrImage);
        TaskDefinitionRef[] registered = {null};
        String[] deploymentId = {null};
        ChangePlan plan = new ChangePlan(ctx.clock())
                .add("register task definition", from.family(), container.name() + "=" + container.image(),
                        container.name() + "=" + image, step -> {
                            ctx.progress().report("deploying " + image + " to " + ref.service() + " (container "
                                    + container.name() + " of " + from + ")");
                            registered[0] = ctx.ports().ecs().registerTaskDefinition(current,
                                    Map.of(container.name(), image));
                            ctx.progress().report("registered " + registered[0] + " (" + container.name() + "=" + image + ")");
                            return step;
                        })
                .add("update service", ref.toString(), from.toString(), from.family() + NEW_REVISION, step -> {
                    TaskDefinitionRef to = registered[0];
                    try {
                        deploymentId[0] = ctx.ports().ecs().updateService(ref, to);
                    } catch (TdevException e) {
                        throw Failures.withContext(e, "registered " + to + " but could not point " + ref.service()
                                + " at it (the service still runs " + from + "; run the deploy again)");
                    }
                    ctx.progress().report("updated " + ref.service() + " from " + from + " to " + to + " (deployment "
                            + deploymentId[0] + ")");
                    return step.withAfter(to.toString());
                });
        if (request.dryRun()) {
            String msg = "would register a revision of " + from.family() + " with " + container.name() + "=" + image
                    + " and deploy it to " + ref.service();
            ctx.progress().report("dry run: " + msg);
            return DeployResult.of(from, null, container.name(), image, ChangeStatus.PLANNED, null, msg, null, null,
                    plan.planned());
        }

        List<Action> actions = plan.apply();
        TaskDefinitionRef to = registered[0];
        String deployment = deploymentId[0];
        DeployResult started = DeployResult.of(from, to, container.name(), image, ChangeStatus.STARTED, deployment,
                "deployment " + deployment + " of " + to + " started; not waiting",
                "watch the rollout of " + to + " until it completes: tdev-ops health --env " + ctx.config().name()
                        + "; to undo it: tdev-ops rollback --env " + ctx.config().name() + " --target " + from,
                null, actions);
        if (!request.waitForStable()) {
            return started;
        }
        return finish(started, new StableWait(ctx).waitFor(ref, to, null, timeout, ref.service() + " was updated from "
                + from + " to " + to + " (deployment " + deployment + ") but watching it become stable failed; check"
                + " with tdev-ops health --env " + ctx.config().name() + ", or roll back with tdev-ops rollback --env "
                + ctx.config().name() + " --target " + from));
    }

    /**
     * The final word on a STARTED deploy, from how the wait for it ended (the engine's own wait, or one a Jenkins
     * step did: {@link RolloutWatch}).
     */
    public DeployResult finish(DeployResult started, StableWait.Result waited) {
        started.status().requireStarted();
        TaskDefinitionRef from = started.from();
        TaskDefinitionRef to = started.to();
        String service = ctx.config().serviceRef().service();
        ChangeStatus status = waited.outcome().status();
        String message = switch (waited.outcome()) {
            case STABLE -> service + " is stable on " + to + " (" + started.image() + ")";
            case FAILED -> "deployment of " + to + " failed: " + waited.last().message();
            case TIMED_OUT -> "updated " + service + " to " + to + " but it was not stable after "
                    + Durations.format(waited.waited()) + ": " + waited.last().message();
            case ABANDONED -> StableWait.abandoned(waited, "the deployment of " + to);
        };
        String next = status == ChangeStatus.COMPLETED ? null
                : (status == ChangeStatus.ABANDONED ? "to keep watching: `tdev-ops health --env " + ctx.config().name()
                + "` until it is stable; to undo it: " : "") + "tdev-ops rollback --env " + ctx.config().name() + " --target " + from
                + " (back to the revision before this deploy), or tdev-ops health --env " + ctx.config().name();
        return DeployResult.of(from, to, started.container(), started.image(), status, started.deploymentId(), message,
                next, waited.last(), started.actions());
    }

    /** A revision naming an image ECR does not hold would only fail its tasks; a dry run checks too. */
    private void requirePushed(EcrImage image) {
        var found = ctx.retry().call(() -> ctx.ports().imageScans().image(image));
        if (found.isEmpty()) {
            throw new InvalidInputException("image", "got '" + image.uri() + "'; " + image.repositoryDescription()
                    + " has no image " + (image.tag() != null ? "tagged '" + image.tag() + "'" : image.digest())
                    + " (ECR DescribeImages: ImageNotFoundException): push it first, or name a tag the repository has;"
                    + " nothing was changed");
        }
        ctx.progress().report("found " + image.reference() + " in " + image.repositoryDescription()
                + " (digest " + found.get().digest() + ")");
    }

    static String inProgressMessage(ServiceState s) {
        Optional<Deployment> primary = s.primaryDeployment();
        if (primary.filter(d -> d.rolloutState() == RolloutState.FAILED).isPresent()) {
            Deployment d = primary.get();
            return "the last deployment of " + s.ref().service() + " (" + d.id() + " of " + d.taskDefinition()
                    + ") FAILED and " + s.deployments().size() + " deployments are still listed; roll back first"
                    + " (tdev-ops rollback), then deploy again";
        }
        return "a deployment is already in progress on " + s.ref().service() + ": "
                + primary.map(d -> d.id() + " of " + d.taskDefinition() + " " + d.rolloutState()).orElse("?")
                + ", running " + s.running() + "/" + s.desired() + ", " + s.deployments().size()
                + " deployments; wait until it is stable, or stop it with tdev-ops rollback";
    }

    private Container pickContainer(TaskDefinition td, String requested) {
        String name = requested != null && !requested.isBlank() ? requested : ctx.config().ecs().container();
        List<String> names = td.containers().stream().map(Container::name).toList();
        if (name != null && !name.isBlank()) {
            String field = requested != null && !requested.isBlank() ? "container" : "ecs.container";
            return td.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> InvalidInputException.notAllowed(field, name, names));
        }
        return td.containers().stream().filter(Container::essential).findFirst()
                .or(() -> td.containers().stream().findFirst())
                .orElseThrow(() -> new PreconditionFailedException(td.ref() + " has no container"));
    }
}
