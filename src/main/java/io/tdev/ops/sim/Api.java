package io.tdev.ops.sim;

import java.util.List;

/**
 * The IAM action names of the calls the simulation answers, the names used for fault injection and call
 * counting. They are the actions an AWS adapter needs permission for, so a test can say
 * {@code faults().throttle(Api.DESCRIBE_SERVICES, 2)} and mean the same call the adapters make.
 */
public final class Api {
    public static final String DESCRIBE_SERVICES = "ecs:DescribeServices";
    public static final String DESCRIBE_TASK_DEFINITION = "ecs:DescribeTaskDefinition";
    public static final String LIST_TASK_DEFINITIONS = "ecs:ListTaskDefinitions";
    public static final String REGISTER_TASK_DEFINITION = "ecs:RegisterTaskDefinition";
    public static final String UPDATE_SERVICE = "ecs:UpdateService";
    public static final String STOP_SERVICE_DEPLOYMENT = "ecs:StopServiceDeployment";
    public static final String LIST_TASKS = "ecs:ListTasks";
    public static final String DESCRIBE_TASKS = "ecs:DescribeTasks";
    public static final String STOP_TASK = "ecs:StopTask";
    public static final String TAG_RESOURCE = "ecs:TagResource";
    public static final String UNTAG_RESOURCE = "ecs:UntagResource";
    public static final String LIST_TAGS = "ecs:ListTagsForResource";
    public static final String DESCRIBE_SCALABLE_TARGETS = "application-autoscaling:DescribeScalableTargets";
    public static final String REGISTER_SCALABLE_TARGET = "application-autoscaling:RegisterScalableTarget";
    public static final String DESCRIBE_SCALING_POLICIES = "application-autoscaling:DescribeScalingPolicies";
    public static final String DESCRIBE_ALARMS = "cloudwatch:DescribeAlarms";
    public static final String DESCRIBE_ALARM_HISTORY = "cloudwatch:DescribeAlarmHistory";
    public static final String LIST_SERVICE_DEPLOYMENTS = "ecs:ListServiceDeployments";
    public static final String GET_METRIC_DATA = "cloudwatch:GetMetricData";
    public static final String FILTER_LOG_EVENTS = "logs:FilterLogEvents";
    public static final String START_QUERY = "logs:StartQuery";
    public static final String DESCRIBE_LOG_GROUPS = "logs:DescribeLogGroups";
    public static final String PUT_RETENTION_POLICY = "logs:PutRetentionPolicy";
    public static final String DESCRIBE_TARGET_HEALTH = "elasticloadbalancing:DescribeTargetHealth";
    public static final String DESCRIBE_TARGET_GROUPS = "elasticloadbalancing:DescribeTargetGroups";
    public static final String DEREGISTER_TASK_DEFINITION = "ecs:DeregisterTaskDefinition";
    public static final String DESCRIBE_IMAGES = "ecr:DescribeImages";
    public static final String GET_LIFECYCLE = "s3:GetLifecycleConfiguration";
    public static final String PUT_LIFECYCLE = "s3:PutLifecycleConfiguration";
    public static final String DESCRIBE_TABLE = "dynamodb:DescribeTable";
    public static final String LIST_BUCKET = "s3:ListBucket";
    public static final String GET_REPLICATION = "s3:GetReplicationConfiguration";
    public static final String GET_BUCKET_POLICY = "s3:GetBucketPolicy";
    public static final String PUT_BUCKET_POLICY = "s3:PutBucketPolicy";
    public static final String DYNAMODB_QUERY = "dynamodb:Query";
    public static final String DYNAMODB_SCAN = "dynamodb:Scan";
    public static final String CREATE_BACKUP = "dynamodb:CreateBackup";
    public static final String LIST_BACKUPS = "dynamodb:ListBackups";
    public static final String RESTORE_TABLE = "dynamodb:RestoreTableFromBackup";
    public static final String DESCRIBE_BACKUP = "dynamodb:DescribeBackup";
    public static final String DESCRIBE_CONTINUOUS_BACKUPS = "dynamodb:DescribeContinuousBackups";
    public static final String GET_OBJECT = "s3:GetObject";
    public static final String LIST_RECORD_SETS = "route53:ListResourceRecordSets";
    public static final String GET_HEALTH_CHECK_STATUS = "route53:GetHealthCheckStatus";
    public static final String PUBLISH = "sns:Publish";
    public static final String START_IMAGE_SCAN = "ecr:StartImageScan";
    public static final String DESCRIBE_IMAGE_SCAN_FINDINGS = "ecr:DescribeImageScanFindings";
    public static final String ROTATE_SECRET = "secretsmanager:RotateSecret";
    public static final String DESCRIBE_SECRET = "secretsmanager:DescribeSecret";
    public static final String LIST_SECRET_VERSIONS = "secretsmanager:ListSecretVersionIds";
    public static final String PUT_SECRET_VALUE = "secretsmanager:PutSecretValue";
    public static final String GET_SECRET_VALUE = "secretsmanager:GetSecretValue";
    public static final String CREATE_SECRET = "secretsmanager:CreateSecret";
    public static final String DELETE_BUCKET_POLICY = "s3:DeleteBucketPolicy";
    public static final String GET_PUBLIC_ACCESS_BLOCK = "s3:GetBucketPublicAccessBlock";
    public static final String DESCRIBE_SECURITY_GROUPS = "ec2:DescribeSecurityGroups";
    public static final String CHANGE_RECORD_SETS = "route53:ChangeResourceRecordSets";
    public static final String GET_CHANGE = "route53:GetChange";
    public static final String DESCRIBE_DB_INSTANCES = "rds:DescribeDBInstances";
    public static final String MODIFY_DB_INSTANCE = "rds:ModifyDBInstance";
    // Not AWS: the service's admin endpoint and chat webhooks, counted and faulted the same way.
    public static final String ADMIN_CLEAR_CACHE = "POST /admin/clear-cache";
    public static final String ADMIN_RESTART_AGENT = "POST /admin/restart-agent";
    public static final String ADMIN_INVALIDATE_SESSIONS = "POST /admin/invalidate-sessions";
    public static final String WEBHOOK_POST = "POST webhook";
    public static final String DESCRIBE_ORDERABLE_DB_OPTIONS = "rds:DescribeOrderableDBInstanceOptions";

    /** Every action the simulation answers; fault injection refuses any other name. */
    public static final List<String> ALL = List.of(DESCRIBE_SERVICES, DESCRIBE_TASK_DEFINITION, LIST_TASK_DEFINITIONS,
            REGISTER_TASK_DEFINITION, UPDATE_SERVICE, STOP_SERVICE_DEPLOYMENT, TAG_RESOURCE, UNTAG_RESOURCE, LIST_TAGS,
            DESCRIBE_SCALABLE_TARGETS, REGISTER_SCALABLE_TARGET, DESCRIBE_SCALING_POLICIES, DESCRIBE_ALARMS,
            GET_METRIC_DATA, FILTER_LOG_EVENTS, START_QUERY, DESCRIBE_LOG_GROUPS, PUT_RETENTION_POLICY,
            DESCRIBE_TARGET_HEALTH, LIST_BUCKET, GET_REPLICATION, GET_BUCKET_POLICY, PUT_BUCKET_POLICY,
            DESCRIBE_TABLE, DYNAMODB_QUERY, DYNAMODB_SCAN, CREATE_BACKUP, LIST_BACKUPS, RESTORE_TABLE, PUBLISH, START_IMAGE_SCAN,
            DESCRIBE_IMAGE_SCAN_FINDINGS, ROTATE_SECRET, DESCRIBE_SECRET, CHANGE_RECORD_SETS, GET_CHANGE,
            DESCRIBE_DB_INSTANCES, MODIFY_DB_INSTANCE, LIST_SECRET_VERSIONS, PUT_SECRET_VALUE, GET_SECRET_VALUE,
            CREATE_SECRET, DELETE_BUCKET_POLICY, GET_PUBLIC_ACCESS_BLOCK, DESCRIBE_SECURITY_GROUPS,
            DESCRIBE_TARGET_GROUPS, DESCRIBE_ORDERABLE_DB_OPTIONS, ADMIN_CLEAR_CACHE, ADMIN_RESTART_AGENT,
            ADMIN_INVALIDATE_SESSIONS, WEBHOOK_POST,
            DESCRIBE_BACKUP, DESCRIBE_CONTINUOUS_BACKUPS, GET_OBJECT, LIST_RECORD_SETS,
            GET_HEALTH_CHECK_STATUS,
            DEREGISTER_TASK_DEFINITION, DESCRIBE_IMAGES, GET_LIFECYCLE, PUT_LIFECYCLE,
            DESCRIBE_ALARM_HISTORY, LIST_SERVICE_DEPLOYMENTS, LIST_TASKS,
            DESCRIBE_TASKS, STOP_TASK);

    /** The read-only calls a health check makes; the {@code throttled} scenario throttles these. */
    public static final List<String> HEALTH_READS = List.of(DESCRIBE_SERVICES, DESCRIBE_ALARMS, FILTER_LOG_EVENTS,
            DESCRIBE_TARGET_HEALTH, GET_METRIC_DATA);

    private Api() {
    }
}
