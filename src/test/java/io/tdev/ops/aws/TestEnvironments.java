package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;

import java.util.List;
import java.util.Map;

/** The production environment's names as the built-in YAML sets them, built without the config loader. */
final class TestEnvironments {
    static final String CLUSTER = "t-developer-cluster-production";
    static final String SERVICE = "t-developer-service-production";
    static final String KNOWN_GOOD_TAG = "tdev:known-good";

    private TestEnvironments() {
    }

    static EnvironmentConfig production() {
        return new EnvironmentConfig("production", true, "eu-west-1",
                new EnvironmentConfig.EcsNames(CLUSTER, SERVICE, null),
                "/ecs/t-developer-production", "t-developer-projects-production",
                new EnvironmentConfig.TableNames("t-developer-metadata-production", "created_at", "user_id", null),
                "t-developer-alerts-production", "t-developer-backend-production", "t-developer/production/api-keys",
                "T-Developer/Pipeline", "t-developer", List.of(),
                new EnvironmentConfig.Slo(99.5, 45, 2, 5, 70, 80, 10, 60, 100),
                new EnvironmentConfig.AutoScalingLimits(2, 20, 70),
                Map.of("p0", "10", "p1", "+2"),
                new EnvironmentConfig.HealthSettings(60, 10, 50, 5, 20, 4),
                new EnvironmentConfig.DeploySettings(15, 15, 10, KNOWN_GOOD_TAG),
                new EnvironmentConfig.ChecklistSettings(24, "HIGH", List.of("image-scan", "team-notified")),
                new EnvironmentConfig.Escalation(Map.of()),
                new EnvironmentConfig.Schedule(null,
                        new EnvironmentConfig.WeeklyReportSettings("PipelineExecutionTime", "GenerationSuccess",
                                "GenerationFailure"),
                        new EnvironmentConfig.MaintenanceSettings(30, 7, 10, 3, 30, 90, "t-developer")),
                new EnvironmentConfig.SecuritySettings("t-developer", List.of(443), 20, 100, 50, 500, 3, 90, 5,
                        "t-developer-break-glass-production", "t-developer/production/bucket-policy-backup"),
                new EnvironmentConfig.TrafficSettings("t-developer-db-production", "tdev:traffic-event", 30, 45),
                new EnvironmentConfig.IncidentSettings(new EnvironmentConfig.AdminEndpoint(null, "admin_token", 10, 3),
                        List.of("analysis", "ui-selection", "parser", "component-decision", "match-rate", "search",
                                "generation", "assembly", "download"), List.of(), 6, 30, 2.0, 7, null, null),
                new EnvironmentConfig.DrSettings("manual-backup-{env}-{time}", 60, 15, 1, 20, 15, "Z123456789",
                        "api.t-developer-production.example.com", "CNAME",
                        "t-developer-alb-production.eu-west-1.elb.amazonaws.com",
                        "t-developer-alb-production-dr.us-west-2.elb.amazonaws.com", 60,
                        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
                new EnvironmentConfig.FleetSettings(new EnvironmentConfig.FleetRateLimits(20, 10, 9, 5), "/ecs/", List.of()));
    }
}
