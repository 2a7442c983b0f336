package io.tdev.ops.port;

import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ScalingPolicy;
import io.tdev.ops.model.ServiceRef;

import java.util.List;
import java.util.Optional;

/** Application Auto Scaling for an ECS service's DesiredCount. */
public interface AutoScaling {
    /** The registered scalable target, or empty when autoscaling is not set up for the service. */
    Optional<ScalableTarget> scalableTarget(ServiceRef service);

    /** Updates MinCapacity and MaxCapacity of the registered target. */
    void setCapacity(ServiceRef service, int minCapacity, int maxCapacity);

    List<ScalingPolicy> policies(ServiceRef service);
}
