package io.tdev.ops.aws;

import java.util.List;
import java.util.stream.Collectors;

/** ECS API responses shaped like the API reference examples (timestamps are epoch seconds on the wire). */
final class EcsFixtures {
    static final String ACCOUNT = "123456789012";
    static final String CLUSTER_ARN = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":cluster/t-developer-cluster-production";
    static final String SERVICE_ARN = "arn:aws:ecs:eu-west-1:" + ACCOUNT
            + ":service/t-developer-cluster-production/t-developer-service-production";
    static final String TG_ARN = "arn:aws:elasticloadbalancing:eu-west-1:" + ACCOUNT
            + ":targetgroup/t-developer-tg-production/73e2d6bc24d8a067";

    private EcsFixtures() {
    }

    static String taskDefinitionArn(String family, int revision) {
        return "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/" + family + ":" + revision;
    }

    /** A service mid-deployment: revision 43 PRIMARY rolling out, 42 ACTIVE being replaced. */
    static String serviceDeploying(String taskDefinitionOfService) {
        return """
                {
                  "serviceArn": "%s",
                  "serviceName": "t-developer-service-production",
                  "clusterArn": "%s",
                  "loadBalancers": [
                    {"targetGroupArn": "%s", "containerName": "backend", "containerPort": 8000}
                  ],
                  "serviceRegistries": [],
                  "status": "ACTIVE",
                  "desiredCount": 4,
                  "runningCount": 5,
                  "pendingCount": 1,
                  "launchType": "FARGATE",
                  "platformVersion": "LATEST",
                  "platformFamily": "Linux",
                  "taskDefinition": "%s",
                  "deploymentConfiguration": {
                    "deploymentCircuitBreaker": {"enable": true, "rollback": true},
                    "maximumPercent": 200,
                    "minimumHealthyPercent": 100
                  },
                  "deployments": [
                    {
                      "id": "ecs-svc/9223370461569286731",
                      "status": "PRIMARY",
                      "taskDefinition": "%s",
                      "desiredCount": 4,
                      "pendingCount": 1,
                      "runningCount": 1,
                      "failedTasks": 2,
                      "createdAt": 1764161400.123,
                      "updatedAt": 1764161580.456,
                      "launchType": "FARGATE",
                      "platformVersion": "1.4.0",
                      "platformFamily": "Linux",
                      "rolloutState": "IN_PROGRESS",
                      "rolloutStateReason": "ECS deployment ecs-svc/9223370461569286731 in progress."
                    },
                    {
                      "id": "ecs-svc/9223370461569999999",
                      "status": "ACTIVE",
                      "taskDefinition": "%s",
                      "desiredCount": 4,
                      "pendingCount": 0,
                      "runningCount": 4,
                      "failedTasks": 0,
                      "createdAt": 1764075000.000,
                      "updatedAt": 1764075300.000,
                      "launchType": "FARGATE",
                      "rolloutState": "COMPLETED",
                      "rolloutStateReason": "ECS deployment ecs-svc/9223370461569999999 completed."
                    }
                  ],
                  "roleArn": "arn:aws:iam::%s:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
                  "events": [
                    {"id": "0c1e5a8a-3b5b-4d8e-9a3f-6a7f3f0f2d11", "createdAt": 1764161590.0,
                     "message": "(service t-developer-service-production) has started 1 tasks: (task 3f1c2d4e5a6b7c8d)."},
                    {"id": "9a0f1f55-2d0a-4c4e-8d4e-1b1e9a7f0c22", "createdAt": 1764075400.0,
                     "message": "(service t-developer-service-production) has reached a steady state."}
                  ],
                  "createdAt": 1735689600.0,
                  "networkConfiguration": {
                    "awsvpcConfiguration": {"subnets": ["subnet-0abc1234"], "securityGroups": ["sg-0def5678"], "assignPublicIp": "DISABLED"}
                  },
                  "healthCheckGracePeriodSeconds": 60,
                  "schedulingStrategy": "REPLICA",
                  "deploymentController": {"type": "ECS"},
                  "createdBy": "arn:aws:iam::%s:role/jenkins-deployer",
                  "enableECSManagedTags": true,
                  "propagateTags": "NONE",
                  "enableExecuteCommand": false
                }""".formatted(SERVICE_ARN, CLUSTER_ARN, TG_ARN, taskDefinitionOfService,
                taskDefinitionArn("t-developer-backend", 43), "t-developer-backend:42", ACCOUNT, ACCOUNT);
    }

    /** A steady service: one PRIMARY COMPLETED deployment, running == desired. */
    static String serviceStable(String name) {
        return """
                {
                  "serviceArn": "arn:aws:ecs:eu-west-1:%s:service/t-developer-cluster-production/%s",
                  "serviceName": "%s",
                  "clusterArn": "%s",
                  "loadBalancers": [],
                  "status": "ACTIVE",
                  "desiredCount": 2,
                  "runningCount": 2,
                  "pendingCount": 0,
                  "launchType": "FARGATE",
                  "taskDefinition": "%s",
                  "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100},
                  "deployments": [
                    {
                      "id": "ecs-svc/1111111111111111111",
                      "status": "PRIMARY",
                      "taskDefinition": "%s",
                      "desiredCount": 2, "pendingCount": 0, "runningCount": 2, "failedTasks": 0,
                      "createdAt": 1764161400.0, "updatedAt": 1764161700.0,
                      "rolloutState": "COMPLETED",
                      "rolloutStateReason": "ECS deployment ecs-svc/1111111111111111111 completed."
                    }
                  ],
                  "events": []
                }""".formatted(ACCOUNT, name, name, CLUSTER_ARN, taskDefinitionArn("t-developer-backend", 43),
                taskDefinitionArn("t-developer-backend", 43));
    }

    static String describeServicesResponse(List<String> services, String failures) {
        return "{\"services\": [" + String.join(",", services) + "], \"failures\": " + failures + "}";
    }

    static String describeStable(List<String> names) {
        return describeServicesResponse(names.stream().map(EcsFixtures::serviceStable).collect(Collectors.toList()), "[]");
    }

    /** A full Fargate task definition as DescribeTaskDefinition (include TAGS) returns it. */
    static String taskDefinition(int revision, String image) {
        return """
                {
                  "taskDefinition": {
                    "taskDefinitionArn": "%s",
                    "containerDefinitions": %s,
                    "family": "t-developer-backend",
                    "taskRoleArn": "arn:aws:iam::123456789012:role/t-developer-task-production",
                    "executionRoleArn": "arn:aws:iam::123456789012:role/t-developer-execution-production",
                    "networkMode": "awsvpc",
                    "revision": %d,
                    "volumes": [{"name": "scratch", "host": {}}],
                    "status": "ACTIVE",
                    "requiresAttributes": [
                      {"name": "com.amazonaws.ecs.capability.logging-driver.awslogs"},
                      {"name": "ecs.capability.execution-role-awslogs"},
                      {"name": "com.amazonaws.ecs.capability.docker-remote-api.1.19"}
                    ],
                    "placementConstraints": [],
                    "compatibilities": ["EC2", "FARGATE"],
                    "runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"},
                    "requiresCompatibilities": ["FARGATE"],
                    "cpu": "1024",
                    "memory": "2048",
                    "ephemeralStorage": {"sizeInGiB": 30},
                    "registeredAt": 1764075000.0,
                    "registeredBy": "arn:aws:sts::123456789012:assumed-role/jenkins-deployer/build-118",
                    "enableFaultInjection": false
                  },
                  "tags": [
                    {"key": "team", "value": "t-developer"},
                    {"key": "tdev:known-good", "value": "2026-11-25T10:00:00Z"},
                    {"key": "aws:cloudformation:stack-name", "value": "t-developer-production"}
                  ]
                }""".formatted(taskDefinitionArn("t-developer-backend", revision), containerDefinitions(image), revision);
    }

    static String registeredTaskDefinition(int revision, String image) {
        return """
                {
                  "taskDefinition": {
                    "taskDefinitionArn": "%s",
                    "containerDefinitions": [{"name": "backend", "image": "%s", "essential": true}],
                    "family": "t-developer-backend",
                    "revision": %d,
                    "status": "ACTIVE",
                    "registeredAt": 1764162000.0
                  },
                  "tags": [{"key": "team", "value": "t-developer"}]
                }""".formatted(taskDefinitionArn("t-developer-backend", revision), image, revision);
    }

    /**
     * The container definitions of the production backend task definition (backend + FireLens log router), as
     * DescribeTaskDefinition answers them and as RegisterTaskDefinition must receive them back.
     */
    static String containerDefinitions(String image) {
        return """
                [
                  {
                    "name": "backend",
                    "image": "%s",
                    "cpu": 0,
                    "portMappings": [{"containerPort": 8000, "hostPort": 8000, "protocol": "tcp", "name": "http", "appProtocol": "http"}],
                    "essential": true,
                    "environment": [{"name": "ENVIRONMENT", "value": "production"}],
                    "mountPoints": [],
                    "volumesFrom": [],
                    "secrets": [{"name": "API_KEYS", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:t-developer/production/api-keys-AbCdEf"}],
                    "logConfiguration": {
                      "logDriver": "awslogs",
                      "options": {"awslogs-group": "/ecs/t-developer-production", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "ecs"}
                    },
                    "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}
                  },
                  {
                    "name": "log-router",
                    "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4",
                    "cpu": 0,
                    "essential": false,
                    "firelensConfiguration": {"type": "fluentbit"},
                    "user": "0"
                  }
                ]""".formatted(image);
    }
}
