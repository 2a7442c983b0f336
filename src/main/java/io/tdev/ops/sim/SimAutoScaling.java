package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ScalingPolicy;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.port.AutoScaling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Application Auto Scaling of the service's DesiredCount, when registered: a target-tracking policy on
 * average CPU (the runbook's: out above the target for 2 minutes, in below 50 % for 5 minutes) that moves the
 * desired count within min..max. This is what undoes a manual scale-up unless MinCapacity is raised.
 */
final class SimAutoScaling implements AutoScaling {
    private static final double SCALE_IN_BELOW = 50;

    private final SimWorld world;
    private boolean registered;
    private int min;
    private int max;
    private double targetCpu;

    SimAutoScaling(SimWorld world) {
        this.world = world;
    }

    void register(int minCapacity, int maxCapacity, double targetCpuPercent) {
        registered = true;
        min = minCapacity;
        max = maxCapacity;
        targetCpu = targetCpuPercent;
    }

    void deregister() {
        registered = false;
    }

    @Override
    public Optional<ScalableTarget> scalableTarget(ServiceRef service) {
        return world.call(Api.DESCRIBE_SCALABLE_TARGETS, () -> target(service));
    }

    @Override
    public void setCapacity(ServiceRef service, int minCapacity, int maxCapacity) {
        world.exec(Api.REGISTER_SCALABLE_TARGET, () -> {
            // as AwsAutoScaling: bad input is refused before AWS is asked anything
            if (minCapacity < 0) {
                throw new InvalidInputException("minCapacity", "must be 0 or more, got " + minCapacity);
            }
            if (maxCapacity < minCapacity) {
                throw new InvalidInputException("maxCapacity", "must be at least minCapacity " + minCapacity + ", got " + maxCapacity);
            }
            if (target(service).isEmpty()) {
                throw new PreconditionFailedException("no scalable target registered for " + resourceId(service)
                        + " (ObjectNotFoundException); autoscaling is not set up for this service");
            }
            min = minCapacity;
            max = maxCapacity;
            // Application Auto Scaling brings the desired count inside new bounds at once.
            int desired = world.ecs.desired();
            world.ecs.setDesiredBySystem(Math.max(min, Math.min(max, desired)), "application autoscaling: capacity " + min + ".." + max);
        });
    }

    @Override
    public List<ScalingPolicy> policies(ServiceRef service) {
        return world.call(Api.DESCRIBE_SCALING_POLICIES, () -> target(service).isEmpty() ? List.<ScalingPolicy>of()
                : List.of(new ScalingPolicy("t-developer-cpu-target-tracking-" + world.config.name(), "TargetTrackingScaling",
                        targetCpu, "ECSServiceAverageCPUUtilization")));
    }

    void evaluate(Instant now) {
        if (!registered) {
            return;
        }
        int desired = world.ecs.desired();
        List<MinuteSample> outWindow = world.metrics.lastMinutes(now, 2);
        List<MinuteSample> inWindow = world.metrics.lastMinutes(now, 5);
        if (outWindow.size() == 2 && outWindow.stream().allMatch(m -> m.cpuAvg() > targetCpu)) {
            int wanted = Math.min(max, (int) Math.ceil(desired * outWindow.get(1).cpuAvg() / targetCpu));
            if (wanted > desired) {
                world.ecs.setDesiredBySystem(wanted, "application autoscaling: CPU above " + targetCpu + " %");
            }
        } else if (inWindow.size() == 5 && inWindow.stream().allMatch(m -> m.cpuAvg() < SCALE_IN_BELOW && m.cpuAvg() > 0)) {
            int wanted = Math.max(min, (int) Math.ceil(desired * inWindow.get(4).cpuAvg() / targetCpu));
            if (wanted < desired) {
                world.ecs.setDesiredBySystem(wanted, "application autoscaling: CPU below " + SCALE_IN_BELOW + " %");
            }
        }
    }

    private Optional<ScalableTarget> target(ServiceRef service) {
        if (!registered || !service.equals(world.config.serviceRef())) {
            return Optional.empty();
        }
        return Optional.of(new ScalableTarget(resourceId(service), min, max));
    }

    static String resourceId(ServiceRef service) {
        return "service/" + service.cluster() + "/" + service.service();
    }

    Optional<ScalableTarget> inspect() {
        return registered ? Optional.of(new ScalableTarget(resourceId(world.config.serviceRef()), min, max)) : Optional.empty();
    }
}
