package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.testing.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IamPolicy.Scope SCOPE = new IamPolicy.Scope("us-east-1", "123456789012", "t-developer-production",
            List.of());
    private final EnvironmentConfig production = TestConfigs.production();

    private JsonNode policy(String... commands) throws Exception {
        return JSON.readTree(IamPolicy.json(List.of(commands), production, SCOPE));
    }

    private static List<String> resourcesOf(JsonNode doc, String action) {
        List<String> resources = new ArrayList<>();
        for (JsonNode st : doc.path("Statement")) {
            for (JsonNode a : st.path("Action")) {
                if (a.asText().equals(action)) {
                    JsonNode r = st.path("Resource");
                    if (r.isArray()) {
                        r.forEach(x -> resources.add(x.asText()));
                    } else {
                        resources.add(r.asText());
                    }
                }
            }
        }
        return resources;
    }

    @Test
    void healthReadsOnlyAndScopesEachActionToTheEnvironmentsNames() throws Exception {
        JsonNode doc = policy("health");

        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(IamPolicyCoversCommandsTest.grantedActions(doc.toString())).containsExactlyInAnyOrder(
                "ecs:DescribeServices", "cloudwatch:DescribeAlarms", "elasticloadbalancing:DescribeTargetHealth",
                "logs:FilterLogEvents", "cloudwatch:GetMetricData", "s3:ListBucket", "dynamodb:DescribeTable", "dynamodb:Scan",
                // fleet runs (health --services / --fleet): their Logs Insights queries and the target groups' balancers
                "logs:StartQuery", "logs:GetQueryResults", "logs:StopQuery", "elasticloadbalancing:DescribeTargetGroups"); // also AlarmScope: the balancer of an alarm named otherwise
        // the service itself, and (fleet runs) the other services of its cluster, the only cluster this config names
        assertThat(resourcesOf(doc, "ecs:DescribeServices")).containsExactlyInAnyOrder(
                "arn:aws:ecs:us-east-1:123456789012:service/t-developer-cluster-production/t-developer-service-production",
                "arn:aws:ecs:us-east-1:123456789012:service/t-developer-cluster-production/*");
        assertThat(resourcesOf(doc, "logs:FilterLogEvents")).containsExactlyInAnyOrder(
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/t-developer-production",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/t-developer-production:*");
        assertThat(resourcesOf(doc, "s3:ListBucket")).containsExactly("arn:aws:s3:::t-developer-projects-production");
        assertThat(resourcesOf(doc, "dynamodb:Scan")).containsExactlyInAnyOrder(
                "arn:aws:dynamodb:us-east-1:123456789012:table/t-developer-metadata-production",
                "arn:aws:dynamodb:us-east-1:123456789012:table/t-developer-metadata-production/index/*");
        assertThat(resourcesOf(doc, "cloudwatch:DescribeAlarms")).containsExactly("*");
    }

    @Test
    void aConfiguredTimeIndexAddsItsQueryToTheHealthPolicy() throws Exception {
        EnvironmentConfig indexed = TimeIndexedConfig.production("created_day-created_at-index");

        JsonNode doc = JSON.readTree(IamPolicy.json(List.of("health"), indexed, SCOPE));

        assertThat(resourcesOf(doc, "dynamodb:Query")).contains(
                "arn:aws:dynamodb:us-east-1:123456789012:table/t-developer-metadata-production/index/*");
        assertThat(resourcesOf(doc, "dynamodb:DescribeTable")).isNotEmpty();
        assertThat(resourcesOf(doc, "dynamodb:Scan")).isEmpty();
    }

    @Test
    void starIsOnlyWhereAwsHasNoResourceLevelPermission() throws Exception {
        JsonNode doc = policy(IamPolicy.commands().toArray(String[]::new));
        Set<String> onStar = new TreeSet<>();
        for (JsonNode st : doc.path("Statement")) {
            if (st.path("Resource").asText().equals("*")) {
                st.path("Action").forEach(a -> onStar.add(a.asText()));
            }
        }
        assertThat(onStar).containsExactlyInAnyOrder("ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                "ecs:ListTaskDefinitions", "cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory", "cloudwatch:GetMetricData",
                "elasticloadbalancing:DescribeTargetHealth", "application-autoscaling:DescribeScalableTargets",
                "dynamodb:ListBackups", "elasticloadbalancing:DescribeTargetGroups",
                "rds:DescribeOrderableDBInstanceOptions", "ec2:DescribeSecurityGroups",
                // Logs Insights results and stopping a query (incident's slow agents) take no resource
                "logs:GetQueryResults", "logs:StopQuery",
                // restart-agent's ListTasks: authorised on container instances (Fargate has none), held to the cluster
                "ecs:ListTasks");
    }

    @Test
    void deployPassesRolesOnlyToEcsTasksAndTagsOnlyTheFamily() throws Exception {
        JsonNode doc = policy("deploy");
        JsonNode passRole = null;
        for (JsonNode st : doc.path("Statement")) {
            if (st.path("Action").toString().contains("iam:PassRole")) {
                passRole = st;
            }
        }

        assertThat(passRole).isNotNull();
        assertThat(passRole.path("Action").size()).isEqualTo(1);
        assertThat(passRole.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(resourcesOf(doc, "ecs:TagResource")).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/t-developer-production:*");
        assertThat(resourcesOf(doc, "ecs:UpdateService")).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:service/t-developer-cluster-production/t-developer-service-production");
        assertThat(IamPolicyCoversCommandsTest.grantedActions(doc.toString())).doesNotContain("sns:Publish", "ecs:StopServiceDeployment");
    }

    @Test
    void givenTaskRolesReplaceTheAnyRoleGrant() throws Exception {
        JsonNode doc = JSON.readTree(IamPolicy.json(List.of("deploy"), production, new IamPolicy.Scope("us-east-1",
                "123456789012", null, List.of("arn:aws:iam::123456789012:role/t-developer-task",
                "arn:aws:iam::123456789012:role/t-developer-execution"))));

        assertThat(resourcesOf(doc, "iam:PassRole")).containsExactlyInAnyOrder("arn:aws:iam::123456789012:role/t-developer-task",
                "arn:aws:iam::123456789012:role/t-developer-execution");
        assertThat(resourcesOf(doc, "ecs:TagResource")).containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/*:*");
    }

    @Test
    void rollbackAndChecklistNotifyTheConfiguredTopicAndChecklistReadsTheRepositoryAndTable() throws Exception {
        JsonNode doc = policy("rollback", "checklist");

        assertThat(resourcesOf(doc, "sns:Publish")).containsExactly(
                "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production");
        assertThat(resourcesOf(doc, "ecs:StopServiceDeployment")).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:service-deployment/t-developer-cluster-production/t-developer-service-production/*");
        assertThat(resourcesOf(doc, "ecr:DescribeImageScanFindings")).containsExactly(
                "arn:aws:ecr:us-east-1:123456789012:repository/t-developer-backend-production");
        assertThat(resourcesOf(doc, "dynamodb:CreateBackup")).containsExactly(
                "arn:aws:dynamodb:us-east-1:123456789012:table/t-developer-metadata-production");
    }

    @Test
    void withoutRegionAndAccountTheArnsMatchAny() throws Exception {
        JsonNode doc = JSON.readTree(IamPolicy.json(List.of("scale"), production, IamPolicy.Scope.any()));

        assertThat(resourcesOf(doc, "ecs:UpdateService")).containsExactly(
                "arn:aws:ecs:*:*:service/t-developer-cluster-production/t-developer-service-production");
        assertThat(resourcesOf(doc, "application-autoscaling:RegisterScalableTarget"))
                .containsExactly("arn:aws:application-autoscaling:*:*:scalable-target/*");
    }

    @Test
    void statementIdsAreUniqueAndAlphanumeric() throws Exception {
        JsonNode doc = policy(IamPolicy.commands().toArray(String[]::new));
        Set<String> sids = new TreeSet<>();
        for (JsonNode st : doc.path("Statement")) {
            assertThat(st.path("Sid").asText()).matches("[A-Za-z0-9]+");
            assertThat(sids.add(st.path("Sid").asText())).as("unique Sid %s", st.path("Sid")).isTrue();
        }
    }

    @Test
    void anUnknownCommandIsInvalidInputListingTheKnownOnes() {
        assertThatThrownBy(() -> IamPolicy.json(List.of("health", "destroy"), production, SCOPE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("destroy", "health, deploy, mark-known-good, rollback, scale, checklist, ")
                        .contains(IamPolicy.commands()));
    }

    @Test
    void lockdownBucketIsGrantedItsBucketsPolicyAndItsSavedCopyOnlyNeverTheApiKey() throws Exception {
        JsonNode doc = policy("lockdown-bucket");
        Set<String> actions = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        for (JsonNode st : doc.path("Statement")) {
            st.path("Action").forEach(a -> actions.add(a.asText()));
            JsonNode r = st.path("Resource");
            if (r.isArray()) {
                r.forEach(x -> resources.add(x.asText()));
            } else {
                resources.add(r.asText());
            }
        }

        assertThat(actions).containsExactlyInAnyOrder("s3:GetBucketPolicy", "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
                "secretsmanager:CreateSecret");
        assertThat(resources).containsExactlyInAnyOrder("arn:aws:s3:::t-developer-projects-production",
                "arn:aws:secretsmanager:" + SCOPE.region() + ":" + SCOPE.account()
                        + ":secret:t-developer/production/bucket-policy-backup-??????");
    }

    @Test
    void rotateSecretWritesOnlyTheApiKeySecret() throws Exception {
        JsonNode doc = policy("rotate-secret");
        for (JsonNode st : doc.path("Statement")) {
            if (st.path("Action").toString().contains("secretsmanager:PutSecretValue")) {
                assertThat(st.path("Resource").asText()).contains(":secret:t-developer/production/api-keys-");
            }
        }
        assertThat(doc.toString()).doesNotContain("bucket-policy-backup").doesNotContain("GetSecretValue");
    }
}
