package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ScalingPolicy;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.port.AutoScaling;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AutoScaling} port over Application Auto Scaling (JSON 1.1 protocol) for an ECS service's
 * DesiredCount: resource id {@code service/CLUSTER/SERVICE}, dimension {@code ecs:service:DesiredCount}.
 */
public final class AwsAutoScaling implements AutoScaling {
    private final ApplicationAutoScalingClient client;
    private final EnvironmentConfig config;

    public AwsAutoScaling(ApplicationAutoScalingClient client, EnvironmentConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
    }

    static String resourceId(ServiceRef service) {
        return "service/" + service.cluster() + "/" + service.service();
    }

    @Override
    public Optional<ScalableTarget> scalableTarget(ServiceRef service) {
        String id = resourceId(service);
        return AwsCall.run("application-autoscaling:DescribeScalableTargets", resource(service), () ->
                client.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceIds(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                        .scalableTargets().stream()
                        .filter(t -> id.equals(t.resourceId()))
                        .findFirst()
                        .map(t -> new ScalableTarget(t.resourceId(), zero(t.minCapacity()), zero(t.maxCapacity()))));
    }

    /**
     * RegisterScalableTarget on an already registered target updates only the capacities given; the role and
     * suspended state stay as they were.
     */
    @Override
    public void setCapacity(ServiceRef service, int minCapacity, int maxCapacity) {
        if (minCapacity < 0) {
            throw new InvalidInputException("minCapacity", "must be 0 or more, got " + minCapacity);
        }
        if (maxCapacity < minCapacity) {
            throw new InvalidInputException("maxCapacity", "must be at least minCapacity (" + minCapacity + "), got " + maxCapacity);
        }
        String id = resourceId(service);
        AwsCall.exec("application-autoscaling:RegisterScalableTarget", resource(service), () -> {
            try {
                client.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(minCapacity).maxCapacity(maxCapacity));
            } catch (ValidationException e) {
                // a missing ECS service is a ValidationException here: "ECS service doesn't exist: service/c/s"
                String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
                if (message != null && message.contains("doesn't exist")) {
                    throw new PreconditionFailedException(resource(service).describe() + " was not found"
                            + " (application-autoscaling:RegisterScalableTarget: " + message + "); " + resource(service).fixHint());
                }
                throw e;
            }
        });
    }

    @Override
    public List<ScalingPolicy> policies(ServiceRef service) {
        String id = resourceId(service);
        return AwsCall.run("application-autoscaling:DescribeScalingPolicies", resource(service), () ->
                client.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceId(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                        .scalingPolicies().stream()
                        .map(p -> new ScalingPolicy(p.policyName(), p.policyTypeAsString(),
                                targetValue(p.targetTrackingScalingPolicyConfiguration()),
                                metric(p.targetTrackingScalingPolicyConfiguration())))
                        .toList());
    }

    private static Double targetValue(TargetTrackingScalingPolicyConfiguration c) {
        return c != null ? c.targetValue() : null;
    }

    /** ECSServiceAverageCPUUtilization for a predefined metric, NAMESPACE/MetricName for a customized one. */
    private static String metric(TargetTrackingScalingPolicyConfiguration c) {
        if (c == null) {
            return null;
        }
        if (c.predefinedMetricSpecification() != null) {
            return c.predefinedMetricSpecification().predefinedMetricTypeAsString();
        }
        CustomizedMetricSpecification custom = c.customizedMetricSpecification();
        if (custom != null && custom.metricName() != null) {
            return custom.namespace() + "/" + custom.metricName();
        }
        return custom != null ? "metric math" : null;
    }

    private AwsResource resource(ServiceRef service) {
        return service.equals(config.serviceRef())
                ? AwsResource.of("ECS service", service.toString(), "ecs.service")
                : AwsResource.given("ECS service", service.toString());
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }
}
