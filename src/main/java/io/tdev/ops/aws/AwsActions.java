package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Port method ({@code Port.method}) → the IAM actions its AWS adapter needs. Includes actions AWS checks on
 * the caller beyond the API's own name (RegisterTaskDefinition needs iam:PassRole for the task's roles;
 * RegisterScalableTarget on an ECS service needs ecs:DescribeServices/UpdateService; RestoreTableFromBackup
 * needs write access to the new table). {@link IamPolicy} builds policies from this table; the contract tests
 * prove that every operation an adapter method sends is listed here for it.
 */
public final class AwsActions {
    private static final Map<String, List<String>> BY_METHOD = new LinkedHashMap<>();

    static {
        // ECS (AwsEcs, helper aws-a). A task definition given by family:revision is described to find its ARN.
        put("Ecs.describeService", "ecs:DescribeServices");
        put("Ecs.describeServices", "ecs:DescribeServices");
        put("Ecs.describeTaskDefinition", "ecs:DescribeTaskDefinition");
        put("Ecs.listTaskDefinitions", "ecs:ListTaskDefinitions");
        // the clone is described first; its tags are copied (tag-on-create needs ecs:TagResource); its roles are passed
        put("Ecs.registerTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:TagResource",
                "iam:PassRole");
        put("Ecs.updateService", "ecs:UpdateService");
        put("Ecs.setDesiredCount", "ecs:UpdateService");
        put("Ecs.stopDeployment", "ecs:ListServiceDeployments", "ecs:StopServiceDeployment");
        put("Ecs.rollbacks", "ecs:ListServiceDeployments");
        // a revision given by family:revision is described to find its ARN when it was not listed first
        put("Ecs.deregisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition");
        put("Ecs.tagTaskDefinition", "ecs:TagResource", "ecs:DescribeTaskDefinition");
        put("Ecs.untagTaskDefinition", "ecs:UntagResource", "ecs:DescribeTaskDefinition");
        put("Ecs.tagsOf", "ecs:ListTagsForResource", "ecs:DescribeTaskDefinition");
        // service tags (traffic-event's saved state): the service's ARN comes from DescribeServices
        put("Ecs.serviceTags", "ecs:ListTagsForResource", "ecs:DescribeServices");
        put("Ecs.tagService", "ecs:TagResource", "ecs:DescribeServices");
        put("Ecs.untagService", "ecs:UntagResource", "ecs:DescribeServices");
        // restart-agent via ecs-tasks: the agent service's tasks, then one StopTask at a time
        put("Ecs.serviceTasks", "ecs:ListTasks", "ecs:DescribeTasks");
        put("Ecs.stopTask", "ecs:StopTask");
        // Application Auto Scaling (AwsAutoScaling, aws-a); registering a target checks the caller may scale the service
        put("AutoScaling.scalableTarget", "application-autoscaling:DescribeScalableTargets");
        put("AutoScaling.setCapacity", "application-autoscaling:RegisterScalableTarget",
                "application-autoscaling:DescribeScalableTargets", "ecs:DescribeServices", "ecs:UpdateService",
                "cloudwatch:DescribeAlarms");
        put("AutoScaling.policies", "application-autoscaling:DescribeScalingPolicies");
        // CloudWatch, ELBv2 (AwsAlarms, AwsMetrics, AwsTargetHealth, aws-a)
        put("Alarms.alarms", "cloudwatch:DescribeAlarms");
        put("Alarms.history", "cloudwatch:DescribeAlarmHistory");
        put("Metrics.query", "cloudwatch:GetMetricData");
        put("TargetHealth.targetHealth", "elasticloadbalancing:DescribeTargetHealth");
        put("TargetHealth.loadBalancerArns", "elasticloadbalancing:DescribeTargetGroups");
        put("TargetHealth.targetGroups", "elasticloadbalancing:DescribeTargetGroups");
        // CloudWatch Logs (AwsLogs)
        put("Logs.filter", "logs:FilterLogEvents");
        put("Logs.insights", "logs:StartQuery", "logs:GetQueryResults", "logs:StopQuery");
        put("Logs.insightsUnder", "logs:StartQuery", "logs:GetQueryResults", "logs:StopQuery");
        put("Logs.logGroups", "logs:DescribeLogGroups");
        put("Logs.putRetention", "logs:PutRetentionPolicy");
        // S3 (AwsStorage): usage comes from CloudWatch metrics, a listing when there are none
        put("Storage.usage", "cloudwatch:GetMetricData", "s3:ListBucket");
        put("Storage.listedUsage", "s3:ListBucket");
        put("Storage.objectsOlderThan", "s3:ListBucket");
        put("Storage.lifecycleRules", "s3:GetLifecycleConfiguration");
        put("Storage.addLifecycleRule", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration");
        put("Storage.replication", "s3:GetReplicationConfiguration");
        put("Storage.newestObjects", "s3:ListBucket");
        put("Storage.objectReplicationStatus", "s3:GetObject"); // HeadObject is authorised as s3:GetObject
        put("Storage.bucketPolicy", "s3:GetBucketPolicy");
        put("Storage.putBucketPolicy", "s3:PutBucketPolicy");
        put("Storage.deleteBucketPolicy", "s3:DeleteBucketPolicy");
        put("Storage.publicAccessBlock", "s3:GetBucketPublicAccessBlock");
        // DynamoDB (AwsTables): DescribeTable sizes a Scan's segments, or finds the index's keys before a Query
        put("Tables.countBetween", "dynamodb:Scan", "dynamodb:Query", "dynamodb:DescribeTable");
        put("Tables.countDistinct", "dynamodb:Scan", "dynamodb:DescribeTable");
        put("Tables.createBackup", "dynamodb:CreateBackup");
        put("Tables.listBackups", "dynamodb:ListBackups");
        put("Tables.describeBackup", "dynamodb:DescribeBackup");
        put("Tables.describeTable", "dynamodb:DescribeTable");
        put("Tables.countItems", "dynamodb:Scan", "dynamodb:DescribeTable"); // DescribeTable: the segments from its size
        put("Tables.pointInTimeRecovery", "dynamodb:DescribeContinuousBackups");
        put("Tables.restore", "dynamodb:RestoreTableFromBackup", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchWriteItem");
        // SNS (AwsNotifier): a topic name becomes an ARN through the caller's account (no permission needed)
        put("Notifier.publish", "sns:Publish", "sts:GetCallerIdentity");
        // ECR (AwsImageScans)
        put("ImageScans.startScan", "ecr:StartImageScan");
        put("ImageScans.findings", "ecr:DescribeImageScanFindings");
        put("ImageScans.images", "ecr:DescribeImages");
        put("ImageScans.image", "ecr:DescribeImages"); // deploy: the image exists before a revision names it
        // Secrets Manager (AwsSecrets): never GetSecretValue
        // Secrets Manager (AwsSecrets): GetSecretValue only for the admin endpoint's token
        put("Secrets.value", "secretsmanager:GetSecretValue");
        // RotateSecret also needs lambda:InvokeFunction on the secret's rotation function (AWS API reference)
        put("Secrets.rotate", "secretsmanager:RotateSecret", "lambda:InvokeFunction");
        put("Secrets.lastRotated", "secretsmanager:DescribeSecret");
        put("Secrets.status", "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds");
        put("Secrets.putRandomValue", "secretsmanager:PutSecretValue");
        // tdev-ops' own documents (the saved bucket policy): written, created on first use, read back
        put("Secrets.readDocument", "secretsmanager:GetSecretValue");
        put("Secrets.writeDocument", "secretsmanager:PutSecretValue", "secretsmanager:CreateSecret");
        // EC2 (AwsSecurityGroups)
        put("SecurityGroups.nameContaining", "ec2:DescribeSecurityGroups");
        // Route 53 (AwsDns)
        put("Dns.record", "route53:ListResourceRecordSets");
        put("Dns.upsert", "route53:ChangeResourceRecordSets");
        put("Dns.changeStatus", "route53:GetChange");
        put("Dns.healthCheck", "route53:GetHealthCheckStatus");
        // RDS (AwsDatabases)
        put("Databases.describe", "rds:DescribeDBInstances");
        put("Databases.modifyInstanceClass", "rds:ModifyDBInstance");
        put("Databases.orderableClasses", "rds:DescribeOrderableDBInstanceOptions");
        // The service's admin endpoint (HttpAdmin): plain HTTPS, but each call reads its bearer token from the secret
        put("Admin.clearCache", "secretsmanager:GetSecretValue");
        put("Admin.restartAgent", "secretsmanager:GetSecretValue");
        put("Admin.invalidateSessions", "secretsmanager:GetSecretValue");
    }

    /** IAM actions that every principal may call without a policy statement. */
    static final Set<String> ALWAYS_ALLOWED = Set.of("sts:GetCallerIdentity");

    /**
     * Port methods that call no AWS API at all: a chat webhook is plain HTTPS to someone else's server; test reports
     * are files in the workspace or on disk.
     */
    public static final Set<String> NOT_AWS = Set.of("Webhooks.post", "TestReports.read");

    /** SDK service name (as the client reports it) → IAM service prefix. */
    private static final Map<String, String> PREFIX = Map.ofEntries(
            Map.entry("ECS", "ecs"), Map.entry("Ecs", "ecs"),
            Map.entry("Application Auto Scaling", "application-autoscaling"),
            Map.entry("ApplicationAutoScaling", "application-autoscaling"),
            Map.entry("CloudWatch", "cloudwatch"), Map.entry("CloudWatchLogs", "logs"),
            Map.entry("ElasticLoadBalancingV2", "elasticloadbalancing"),
            Map.entry("Elastic Load Balancing v2", "elasticloadbalancing"),
            Map.entry("S3", "s3"), Map.entry("DynamoDB", "dynamodb"), Map.entry("DynamoDb", "dynamodb"),
            Map.entry("SNS", "sns"), Map.entry("Sns", "sns"), Map.entry("ECR", "ecr"), Map.entry("Ecr", "ecr"),
            Map.entry("SecretsManager", "secretsmanager"), Map.entry("Secrets Manager", "secretsmanager"),
            Map.entry("Route53", "route53"), Map.entry("Route 53", "route53"),
            Map.entry("EC2", "ec2"), Map.entry("Ec2", "ec2"),
            Map.entry("RDS", "rds"), Map.entry("Rds", "rds"), Map.entry("STS", "sts"), Map.entry("Sts", "sts"));

    /** Operations whose IAM action is not named like the API (S3's ListObjectsV2 is s3:ListBucket, ...). */
    private static final Map<String, String> RENAMED = Map.of(
            "s3:ListObjectsV2", "s3:ListBucket",
            "s3:ListObjects", "s3:ListBucket",
            "s3:GetBucketReplication", "s3:GetReplicationConfiguration",
            "s3:PutBucketReplication", "s3:PutReplicationConfiguration",
            "s3:HeadObject", "s3:GetObject",
            "s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock");

    private AwsActions() {
    }

    private static void put(String method, String... actions) {
        BY_METHOD.put(method, List.of(actions));
    }

    /** The IAM actions of a port method such as {@code Logs.filter}; empty when it is not known. */
    public static List<String> of(String portMethod) {
        return BY_METHOD.getOrDefault(portMethod, List.of());
    }

    /**
     * The IAM actions a port method needs in an environment: {@code Tables.countBetween} Queries an index (after
     * DescribeTable) when {@code table.createdAtIndex} names one, and Scans otherwise (DescribeTable sizes the Scan).
     */
    public static List<String> of(String portMethod, EnvironmentConfig config) {
        if (portMethod.equals("Tables.countBetween")) {
            return config.table() == null || config.table().createdAtIndex() == null
                    ? List.of("dynamodb:DescribeTable", "dynamodb:Scan") : List.of("dynamodb:DescribeTable", "dynamodb:Query");
        }
        return of(portMethod);
    }

    /** Every port method in the table. */
    public static Set<String> methods() {
        return new TreeSet<>(BY_METHOD.keySet());
    }

    /** The IAM actions of several port methods in an environment, sorted, without those AWS always allows. */
    public static Set<String> forMethods(Iterable<String> portMethods, EnvironmentConfig config) {
        Set<String> actions = new TreeSet<>();
        for (String m : portMethods) {
            of(m, config).stream().filter(a -> !ALWAYS_ALLOWED.contains(a)).forEach(actions::add);
        }
        return actions;
    }

    /**
     * The IAM action that authorises an SDK operation, from the service name the SDK client reports
     * ({@code CloudWatchLogs}) and the operation ({@code FilterLogEvents}).
     */
    public static String forSdkOperation(String sdkServiceName, String operation) {
        String prefix = PREFIX.get(sdkServiceName);
        if (prefix == null) {
            throw new IllegalArgumentException("no IAM prefix known for SDK service " + sdkServiceName);
        }
        String action = prefix + ":" + operation;
        return RENAMED.getOrDefault(action, action);
    }
}
