package io.tdev.ops.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege IAM policy for a set of {@code tdev-ops} commands: each command's port methods
 * ({@link #portMethods}), their IAM actions ({@link AwsActions}), each action on the environment's own resources.
 * {@code *} only where AWS offers no resource-level permission for the action (ecs:DescribeTaskDefinition,
 * RegisterTaskDefinition, ListTaskDefinitions; cloudwatch:DescribeAlarms, DescribeAlarmHistory, GetMetricData;
 * elasticloadbalancing:DescribeTargetHealth, DescribeTargetGroups; application-autoscaling:Describe*;
 * rds:DescribeOrderableDBInstanceOptions; dynamodb:ListBackups;
 * logs:GetQueryResults, StopQuery; ec2:DescribeSecurityGroups). iam:PassRole is limited to roles passed to ECS tasks
 * ({@code iam:PassedToService = ecs-tasks.amazonaws.com}) and, when given, to the task's role ARNs.
 */
public final class IamPolicy {
    /**
     * Command → the port methods it calls, read from the runbook's use cases. A test over the simulated environment
     * proves none is missing and none is granted without a call (ImageScans.startScan aside: the checklist starts
     * a scan only for an image ECR never scanned, which the simulation does not have).
     */
    private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        // one service's check, and a fleet run (health --services / --fleet): ECS in batches, the target groups' load
        // balancers, ERROR counts through Logs Insights by log group name or by name prefix; loadBalancerArns: an
        // alarm outside the prefix on a load balancer (AlarmScope)
        COMMANDS.put("health", List.of("Ecs.describeService", "Alarms.alarms", "TargetHealth.targetHealth",
                "TargetHealth.loadBalancerArns",
                "Logs.filter", "Metrics.query", "Storage.listedUsage", "Tables.countBetween",
                "Ecs.describeServices", "TargetHealth.targetGroups", "Logs.insights", "Logs.insightsUnder"));
        COMMANDS.put("deploy", List.of("Ecs.describeService", "Ecs.describeTaskDefinition", "ImageScans.image",
                "Ecs.registerTaskDefinition", "Ecs.updateService"));
        COMMANDS.put("mark-known-good", List.of("Ecs.describeService", "Ecs.describeTaskDefinition",
                "Ecs.tagTaskDefinition"));
        COMMANDS.put("rollback", List.of("Ecs.describeService", "Ecs.describeTaskDefinition",
                "Ecs.listTaskDefinitions", "Ecs.tagsOf", "Ecs.stopDeployment", "Ecs.updateService", "Notifier.publish"));
        COMMANDS.put("scale", List.of("Ecs.describeService", "Ecs.setDesiredCount", "AutoScaling.scalableTarget",
                "AutoScaling.setCapacity"));
        COMMANDS.put("checklist", List.of("Ecs.describeService", "Ecs.listTaskDefinitions", "Ecs.tagsOf", "Alarms.alarms", "TargetHealth.loadBalancerArns", "ImageScans.startScan",
                "ImageScans.findings", "Tables.listBackups", "Tables.createBackup", "Notifier.publish"));
        COMMANDS.put("weekly-report", List.of("Ecs.describeService", "TargetHealth.loadBalancerArns", "Metrics.query",
                "Tables.countDistinct", "Tables.countBetween", "Alarms.history", "Alarms.alarms", "Ecs.rollbacks",
                "Notifier.publish"));
        COMMANDS.put("maintenance", List.of("Logs.logGroups", "Logs.putRetention", "ImageScans.images",
                "ImageScans.findings", "ImageScans.startScan", "Storage.objectsOlderThan", "Storage.lifecycleRules",
                "Storage.addLifecycleRule", "Ecs.describeService", "Ecs.listTaskDefinitions", "Ecs.tagsOf",
                "Ecs.deregisterTaskDefinition", "Tables.listBackups", "Tables.describeTable"));
        COMMANDS.put("db-resize", List.of("Databases.describe", "Databases.orderableClasses",
                "Databases.modifyInstanceClass"));
        COMMANDS.put("load-watch", List.of("Ecs.describeService", "TargetHealth.loadBalancerArns", "Alarms.alarms",
                "TargetHealth.targetHealth", "Logs.filter", "Metrics.query"));
        COMMANDS.put("traffic-event", List.of("Ecs.serviceTags", "Ecs.tagService", "Ecs.untagService",
                "Ecs.describeService", "Ecs.setDesiredCount", "AutoScaling.scalableTarget", "AutoScaling.setCapacity",
                "Databases.describe", "Databases.orderableClasses", "Databases.modifyInstanceClass"));
        COMMANDS.put("demo", List.of()); // the simulated environment only
        COMMANDS.put("security-check", List.of("Logs.filter", "SecurityGroups.nameContaining", "Secrets.status",
                "Storage.publicAccessBlock"));
        COMMANDS.put("rotate-secret", List.of("Secrets.status", "Secrets.rotate", "Secrets.putRandomValue"));
        // lockdown and --restore: the bucket's policy and the saved copy, nothing else
        COMMANDS.put("lockdown-bucket", List.of("Storage.bucketPolicy", "Storage.putBucketPolicy",
                "Storage.deleteBucketPolicy", "Secrets.readDocument", "Secrets.writeDocument"));
        // diagnosis (the health check's reads, the ALB for RequestCount, Logs Insights), escalation, and the remedies
        COMMANDS.put("incident", List.of("Ecs.describeService", "Alarms.alarms", "TargetHealth.targetHealth",
                "TargetHealth.loadBalancerArns", "Logs.filter", "Logs.insights", "Metrics.query", "Notifier.publish",
                "Ecs.describeTaskDefinition", "Ecs.listTaskDefinitions", "Ecs.tagsOf", "Ecs.stopDeployment",
                "Ecs.updateService", "Ecs.setDesiredCount", "AutoScaling.scalableTarget", "AutoScaling.setCapacity",
                "Admin.clearCache", "Admin.restartAgent", "Ecs.serviceTasks", "Ecs.stopTask"));
        COMMANDS.put("clear-cache", List.of("Admin.clearCache"));
        // the admin endpoint, or (incident.restartAgent.via ecs-tasks) the agent service's tasks stopped one at a time
        COMMANDS.put("restart-agent", List.of("Admin.restartAgent", "Ecs.serviceTasks", "Ecs.stopTask"));
        COMMANDS.put("invalidate-sessions", List.of("Admin.invalidateSessions"));
        COMMANDS.put("backup", List.of("Tables.describeTable", "Tables.listBackups", "Tables.createBackup",
                "Tables.describeBackup"));
        COMMANDS.put("restore", List.of("Tables.listBackups", "Tables.describeBackup", "Tables.describeTable",
                "Tables.restore", "Tables.countItems"));
        COMMANDS.put("dr-check", List.of("Storage.replication", "Storage.newestObjects", "Storage.objectReplicationStatus",
                "Tables.pointInTimeRecovery", "Tables.listBackups", "Dns.healthCheck"));
        COMMANDS.put("failover", List.of("Dns.record", "Dns.healthCheck", "Dns.upsert", "Dns.changeStatus"));
    }

    private static final String PASSED_TO_ECS_TASKS = "ecs-tasks.amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IamPolicy() {
    }

    /** Every command name, in the CLI's order. */
    public static List<String> commands() {
        return List.copyOf(COMMANDS.keySet());
    }

    /** The port methods a command calls; an unknown name is invalid input listing the known ones. */
    public static List<String> portMethods(String command) {
        List<String> methods = COMMANDS.get(command);
        if (methods == null) {
            throw InvalidInputException.notAllowed("commands", command, COMMANDS.keySet());
        }
        return methods;
    }

    /**
     * Where the policy's ARNs point.
     *
     * @param region        ARN region part, {@code *} for any
     * @param account       ARN account part, {@code *} for any
     * @param taskFamily    task definition family whose revisions are tagged, {@code *} for any
     * @param taskRoleArns  the task and execution roles a registered task definition passes; empty: any role,
     *                      still only to ECS tasks
     */
    public record Scope(String region, String account, String taskFamily, List<String> taskRoleArns) {
        public Scope {
            region = blankToAny(region);
            account = blankToAny(account);
            taskFamily = blankToAny(taskFamily);
            taskRoleArns = taskRoleArns == null ? List.of() : List.copyOf(taskRoleArns);
        }

        public static Scope any() {
            return new Scope("*", "*", "*", List.of());
        }

        private static String blankToAny(String s) {
            return s == null || s.isBlank() ? "*" : s.strip();
        }
    }

    /** One statement: actions allowed on resources, optionally under a condition. */
    public record Statement(String sid, Set<String> actions, Set<String> resources, Map<String, Map<String, String>> condition) {
    }

    /** The IAM actions a set of commands needs in an environment (without those AWS always allows). */
    public static Set<String> actions(Collection<String> commands, EnvironmentConfig config) {
        return AwsActions.forMethods(methods(commands), config);
    }

    private static Set<String> methods(Collection<String> commands) {
        Set<String> methods = new TreeSet<>();
        commands.forEach(c -> methods.addAll(portMethods(c)));
        return methods;
    }

    /** The policy's statements: actions grouped by the resources they apply to. */
    public static List<Statement> statements(Collection<String> commands, EnvironmentConfig config, Scope scope) {
        Map<String, Statement> byResources = new TreeMap<>();
        // restore reads the table it creates, whose name the person on call chooses
        boolean readsRestoredTables = commands.contains("restore");
        // health also runs fleets (--services, --fleet): its Logs Insights queries cover the fleet's log groups
        boolean checksFleets = commands.contains("health");
        for (String method : methods(commands)) {
            for (String action : AwsActions.forMethods(List.of(method), config)) {
                Grant grant = grantOf(method, action, config, scope, readsRestoredTables, checksFleets);
                String key = String.join(",", grant.resources()) + "|" + grant.condition();
                Statement existing = byResources.get(key);
                Set<String> actions = existing != null ? new TreeSet<>(existing.actions()) : new TreeSet<>();
                actions.add(action);
                byResources.put(key, new Statement(grant.label(), actions, new TreeSet<>(grant.resources()),
                        grant.condition()));
            }
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new TreeSet<>();
        for (Statement s : byResources.values()) {
            String sid = sid(s.actions(), s.sid());
            for (int n = 2; !sids.add(sid); n++) {
                sid = sid(s.actions(), s.sid()) + n;
            }
            statements.add(new Statement(sid, s.actions(), s.resources(), s.condition()));
        }
        return statements;
    }

    /** The policy document (IAM JSON, Version 2012-10-17). */
    public static String json(Collection<String> commands, EnvironmentConfig config, Scope scope) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Statement s : statements(commands, config, scope)) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("Sid", s.sid());
            st.put("Effect", "Allow");
            st.put("Action", List.copyOf(s.actions()));
            st.put("Resource", s.resources().size() == 1 ? s.resources().iterator().next() : List.copyOf(s.resources()));
            if (s.condition() != null) {
                st.put("Condition", s.condition());
            }
            statements.add(st);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the IAM policy", e);
        }
    }

    /** @param label what the resources are, for the statement id: {@code Service}, {@code LogGroup} */
    private record Grant(String label, List<String> resources, Map<String, Map<String, String>> condition) {
        static Grant on(String label, String... resources) {
            return new Grant(label, List.of(resources), null);
        }
    }

    /**
     * The resources one action of a port method is granted on. Secrets Manager actions apply to the secret the
     * method works on: tdev-ops' own documents (the saved bucket policy) are one secret, the API key another, so that
     * a lockdown's policy grants nothing on the API key and a rotation's nothing on the saved policy.
     */
    private static Grant grantOf(String method, String action, EnvironmentConfig c, Scope s, boolean readsRestoredTables,
                                 boolean checksFleets) {
        if (action.startsWith("secretsmanager:") && DOCUMENT_METHODS.contains(method)) {
            return Grant.on("PolicyBackupSecret", secretArn(c.security().policyBackupSecret(), s));
        }
        // ECS tags go on task definitions (known-good marks) and on the service (a traffic event's saved state)
        boolean fleetRead = FLEET_METHODS.contains(method) || checksFleets && method.equals("Logs.insights");
        if (fleetRead && (action.equals("ecs:DescribeServices") || action.equals("logs:StartQuery"))) {
            return fleetGrant(action, c, s);
        }
        if (action.startsWith("ecs:") && SERVICE_TAG_METHODS.contains(method)) {
            return Grant.on("Service", "arn:aws:ecs:" + s.region() + ":" + s.account() + ":service/" + c.ecs().cluster()
                    + "/" + c.ecs().service());
        }
        return grantOf(action, c, s, readsRestoredTables);
    }

    private static final Set<String> DOCUMENT_METHODS = Set.of("Secrets.readDocument", "Secrets.writeDocument");
    /** What only a fleet run calls: on the fleet's services and log groups, not just the environment's own. */
    private static final Set<String> FLEET_METHODS = Set.of("Ecs.describeServices", "Logs.insightsUnder");

    /**
     * A fleet run reads every service of the environment's cluster and of the fleet's clusters (services named with
     * {@code --services} are in those), and counts ERRORs in the log groups under the fleet's prefixes (by name, or by
     * prefix in the query) and in the environment's own group.
     */
    private static Grant fleetGrant(String action, EnvironmentConfig c, Scope s) {
        String arn = (action.startsWith("ecs:") ? "arn:aws:ecs:" : "arn:aws:logs:") + s.region() + ":" + s.account() + ":";
        Set<String> resources = new TreeSet<>();
        if (action.startsWith("ecs:")) {
            resources.add(arn + "service/" + c.ecs().cluster() + "/*");
            c.fleet().clusters().forEach(cl -> resources.add(arn + "service/" + cl.name() + "/*"));
            return new Grant("FleetServices", List.copyOf(resources), null);
        }
        resources.add(arn + "log-group:" + c.logGroup());
        resources.add(arn + "log-group:" + c.logGroup() + ":*");
        resources.add(arn + "log-group:" + c.fleet().logGroupPrefix() + "*");
        c.fleet().clusters().forEach(cl -> resources.add(arn + "log-group:" + cl.logGroupPrefix() + "*"));
        return new Grant("FleetLogGroups", List.copyOf(resources), null);
    }
    private static final Set<String> SERVICE_TAG_METHODS = Set.of("Ecs.serviceTags", "Ecs.tagService",
            "Ecs.untagService");

    /** Secrets Manager appends a dash and 6 random characters to a secret's name in its ARN. */
    private static String secretArn(String secret, Scope s) {
        return secret.startsWith("arn:") ? secret
                : "arn:aws:secretsmanager:" + s.region() + ":" + s.account() + ":secret:" + secret + "-??????";
    }

    /** The resources one action is granted on, from the environment's names. */
    private static Grant grantOf(String action, EnvironmentConfig c, Scope s, boolean readsRestoredTables) {
        String r = s.region();
        String a = s.account();
        String service = "arn:aws:ecs:" + r + ":" + a + ":service/" + c.ecs().cluster() + "/" + c.ecs().service();
        String logGroup = "arn:aws:logs:" + r + ":" + a + ":log-group:" + c.logGroup();
        String table = "arn:aws:dynamodb:" + r + ":" + a + ":table/" + c.table().name();
        String anyTable = "arn:aws:dynamodb:" + r + ":" + a + ":table/*";
        String zone = c.dr().hostedZoneId().replaceFirst("^/?hostedzone/", "");
        return switch (action) {
            case "ecs:DescribeServices", "ecs:UpdateService", "ecs:ListServiceDeployments" -> Grant.on("Service", service);
            // restart-agent via ecs-tasks: the cluster's tasks only (the agent services' names are a pattern)
            case "ecs:DescribeTasks", "ecs:StopTask" -> Grant.on("ClusterTasks", "arn:aws:ecs:" + r + ":" + a + ":task/"
                    + c.ecs().cluster() + "/*");
            // ListTasks is authorised on container instances, which Fargate has none of: any, within the cluster
            case "ecs:ListTasks" -> new Grant("ClusterTaskList", List.of("*"), Map.of("ArnEquals", Map.of("ecs:cluster",
                    "arn:aws:ecs:" + r + ":" + a + ":cluster/" + c.ecs().cluster())));
            case "ecs:StopServiceDeployment" -> Grant.on("ServiceDeployments", "arn:aws:ecs:" + r + ":" + a + ":service-deployment/"
                    + c.ecs().cluster() + "/" + c.ecs().service() + "/*");
            case "ecs:TagResource", "ecs:UntagResource", "ecs:ListTagsForResource", "ecs:DeregisterTaskDefinition" ->
                    Grant.on("TaskDefinitionFamily", "arn:aws:ecs:" + r + ":" + a + ":task-definition/" + s.taskFamily() + ":*");
            case "iam:PassRole" -> new Grant("TaskRoles", s.taskRoleArns().isEmpty()
                    ? List.of("arn:aws:iam::" + a + ":role/*") : s.taskRoleArns(),
                    Map.of("StringEquals", Map.of("iam:PassedToService", PASSED_TO_ECS_TASKS)));
            case "application-autoscaling:RegisterScalableTarget" ->
                    Grant.on("ScalableTargets", "arn:aws:application-autoscaling:" + r + ":" + a + ":scalable-target/*");
            case "logs:FilterLogEvents", "logs:StartQuery", "logs:PutRetentionPolicy" -> Grant.on("LogGroup", logGroup, logGroup + ":*");
            case "logs:DescribeLogGroups" -> Grant.on("LogGroups", "arn:aws:logs:" + r + ":" + a + ":log-group:*");
            case "s3:ListBucket", "s3:GetReplicationConfiguration", "s3:GetBucketPolicy", "s3:PutBucketPolicy",
                 "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
                 "s3:DeleteBucketPolicy", "s3:GetBucketPublicAccessBlock" ->
                    Grant.on("Bucket", "arn:aws:s3:::" + c.bucket());
            case "dynamodb:Scan", "dynamodb:DescribeTable" -> readsRestoredTables
                    ? Grant.on("TablesAndRestoredTables", table, table + "/index/*", anyTable)
                    : Grant.on("TableAndIndexes", table, table + "/index/*");
            case "dynamodb:Query" -> Grant.on("TableAndIndexes", table, table + "/index/*");
            case "dynamodb:CreateBackup", "dynamodb:DescribeContinuousBackups" -> Grant.on("Table", table);
            case "dynamodb:RestoreTableFromBackup", "dynamodb:DescribeBackup" -> Grant.on("TableBackups", table + "/backup/*");
            case "s3:GetObject" -> Grant.on("Objects", "arn:aws:s3:::" + c.bucket() + "/*");
            case "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                 "dynamodb:BatchWriteItem" -> Grant.on("RestoredTables", "arn:aws:dynamodb:" + r + ":" + a + ":table/*");
            // the alert topic and the topics escalation policies name (sns:NAME-or-ARN)
            case "sns:Publish" -> Grant.on("Topic", java.util.stream.Stream.concat(java.util.stream.Stream.of(c.topic()),
                            c.escalation().policies().values().stream().map(p -> p.channel())
                                    .filter(ch -> ch.startsWith("sns:")).map(ch -> ch.substring(4)))
                    .map(t -> t.startsWith("arn:") ? t : "arn:aws:sns:" + r + ":" + a + ":" + t).distinct()
                    .toArray(String[]::new));
            case "ecr:StartImageScan", "ecr:DescribeImageScanFindings", "ecr:DescribeImages" ->
                    Grant.on("Repository", "arn:aws:ecr:" + r + ":" + a + ":repository/" + c.repository());
            case "secretsmanager:RotateSecret", "secretsmanager:DescribeSecret",
                 "secretsmanager:ListSecretVersionIds", "secretsmanager:PutSecretValue",
                 "secretsmanager:GetSecretValue" ->
                    Grant.on("Secret", secretArn(c.secret(), s));
            case "lambda:InvokeFunction" -> Grant.on("RotationFunctions", "arn:aws:lambda:" + r + ":" + a + ":function:*");
            case "route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets" ->
                    Grant.on("HostedZone", "arn:aws:route53:::hostedzone/" + zone);
            case "route53:GetHealthCheckStatus" ->
                    Grant.on("HealthCheck", "arn:aws:route53:::healthcheck/" + c.dr().primaryHealthCheckId());
            case "route53:GetChange" -> Grant.on("Changes", "arn:aws:route53:::change/*");
            case "rds:DescribeDBInstances", "rds:ModifyDBInstance" -> Grant.on("DbInstance", "arn:aws:rds:" + r + ":" + a
                    + ":db:" + c.traffic().dbInstance());
            // AWS offers no resource-level permission for these; DescribeAlarmHistory without an alarm name reads
            // every alarm's history, which an alarm-scoped grant does not allow
            case "cloudwatch:DescribeAlarmHistory", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:ListTaskDefinitions",
                 "cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "elasticloadbalancing:DescribeTargetHealth",
                 "elasticloadbalancing:DescribeTargetGroups",
                 "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies",
                 "dynamodb:ListBackups", "logs:GetQueryResults", "logs:StopQuery",
                 "rds:DescribeOrderableDBInstanceOptions", "ec2:DescribeSecurityGroups" -> Grant.on("AnyResource", "*");
            default -> throw new IllegalStateException("no resource scope known for IAM action " + action);
        };
    }

    /** A readable statement id: the services and what they apply to, e.g. {@code EcsOnService}. */
    private static String sid(Set<String> actions, String label) {
        Set<String> services = new TreeSet<>();
        actions.forEach(action -> services.add(capitalise(action.substring(0, action.indexOf(':')))));
        return String.join("", services) + "On" + label;
    }

    private static String capitalise(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split("[^A-Za-z0-9]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
