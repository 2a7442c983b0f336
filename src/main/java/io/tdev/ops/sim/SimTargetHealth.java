package io.tdev.ops.sim;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.port.TargetHealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ALB target group of the service: one IP target per task, following the tasks' health. */
final class SimTargetHealth implements TargetHealth {
    static final int PORT = 8000;
    private final SimWorld world;

    SimTargetHealth(SimWorld world) {
        this.world = world;
    }

    @Override
    public List<TargetHealthDescription> targetHealth(String targetGroupArn) {
        return world.call(Api.DESCRIBE_TARGET_HEALTH, () -> {
            Optional<SimFleet.Service> other = world.fleet.byTargetGroup(targetGroupArn);
            if (other.isPresent()) {
                return world.fleet.targets(other.get());
            }
            if (!world.targetGroupArn().equals(targetGroupArn)) {
                throw new PreconditionFailedException("target group " + targetGroupArn
                        + " not found (TargetGroupNotFound); this environment's is " + world.targetGroupArn());
            }
            return targets(world.now());
        });
    }

    @Override
    public List<String> loadBalancerArns(String targetGroupArn) {
        return world.call(Api.DESCRIBE_TARGET_GROUPS, () -> {
            if (!world.targetGroupArn().equals(targetGroupArn)) {
                throw new PreconditionFailedException("target group " + targetGroupArn
                        + " not found (TargetGroupNotFound); this environment's is " + world.targetGroupArn());
            }
            return List.of(world.loadBalancerArn());
        });
    }

    /** Every target group, one DescribeTargetGroups call per page of {@value #PAGE} (ELBv2's largest page). */
    @Override
    public List<TargetGroup> targetGroups() {
        List<TargetGroup> all = world.inspect(() -> {
            List<TargetGroup> groups = new ArrayList<>();
            groups.add(new TargetGroup(world.targetGroupArn(), List.of(world.loadBalancerArn())));
            groups.addAll(world.fleet.targetGroups());
            return groups;
        });
        List<TargetGroup> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            List<TargetGroup> page = all.subList(from, Math.min(all.size(), from + PAGE));
            out.addAll(world.call(Api.DESCRIBE_TARGET_GROUPS, () -> page));
        }
        return out;
    }

    static final int PAGE = 400;

    List<TargetHealthDescription> targets(Instant now) {
        List<TargetHealthDescription> out = new ArrayList<>();
        for (SimTask t : world.ecs.tasks()) {
            TargetState state = t.targetState(now);
            if (state == null) {
                continue;
            }
            out.add(switch (state) {
                case INITIAL -> new TargetHealthDescription(t.ip, PORT, state, "Elb.InitialHealthChecking",
                        "Initial health checks in progress");
                case UNHEALTHY -> new TargetHealthDescription(t.ip, PORT, state, "Target.ResponseCodeMismatch",
                        "Health checks failed with these codes: [503]");
                case DRAINING -> new TargetHealthDescription(t.ip, PORT, state, "Target.DeregistrationInProgress",
                        "Target deregistration is in progress");
                default -> new TargetHealthDescription(t.ip, PORT, state, null, null);
            });
        }
        return out;
    }
}
