package io.tdev.ops.config;

import io.tdev.ops.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("override.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private InvalidInputException invalid(String env, String yaml) throws IOException {
        Path file = file(yaml);
        try {
            ConfigLoader.load(env, file);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected InvalidInputException for:\n" + yaml);
    }

    @Test
    void builtInProductionHasTheRunbookNamesAndThresholds() {
        EnvironmentConfig production = ConfigLoader.builtIn("production");

        assertThat(production.name()).isEqualTo("production");
        assertThat(production.protectedEnv()).isTrue();
        assertThat(production.ecs().cluster()).isEqualTo("t-developer-cluster-production");
        assertThat(production.ecs().service()).isEqualTo("t-developer-service-production");
        assertThat(production.logGroup()).isEqualTo("/ecs/t-developer-production");
        assertThat(production.table().name()).isEqualTo("t-developer-metadata-production");
        assertThat(production.slo().cpuPercent()).isEqualTo(70);
        assertThat(production.slo().memoryPercent()).isEqualTo(80);
        assertThat(production.slo().errorRatePercent()).isEqualTo(2);
        assertThat(production.autoscaling().minTasks()).isEqualTo(2);
        assertThat(production.autoscaling().maxTasks()).isEqualTo(20);
        assertThat(production.scalePresets()).containsEntry("p0", "10").containsEntry("p1", "+2");
        assertThat(production.region()).isNull();
    }

    @Test
    void builtInStagingIsNotProtectedAndUsesStagingNames() {
        EnvironmentConfig staging = ConfigLoader.builtIn("staging");

        assertThat(staging.protectedEnv()).isFalse();
        assertThat(staging.ecs().service()).isEqualTo("t-developer-service-staging");
        assertThat(staging.bucket()).isEqualTo("t-developer-projects-staging");
    }

    @Test
    void unknownEnvironmentNameListsTheBuiltIns() {
        assertThatThrownBy(() -> ConfigLoader.load("prod", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("env: got 'prod'")
                .hasMessageContaining("production, staging");
    }

    @Test
    void overrideFileChangesOnlyTheFieldsItSetsDeepInsideObjects() throws IOException {
        Path file = file("""
                region: eu-west-1
                slo:
                  cpuPercent: 60
                ecs:
                  service: t-developer-service-blue
                scalePresets:
                  p2: "+1"
                checklist:
                  waivable: [backup]
                """);

        EnvironmentConfig config = ConfigLoader.load("production", file);

        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.slo().cpuPercent()).isEqualTo(60);
        assertThat(config.slo().memoryPercent()).isEqualTo(80);
        assertThat(config.ecs().service()).isEqualTo("t-developer-service-blue");
        assertThat(config.ecs().cluster()).isEqualTo("t-developer-cluster-production");
        assertThat(config.scalePresets()).containsEntry("p0", "10").containsEntry("p2", "+1");
        assertThat(config.checklist().waivable()).containsExactly("backup");
    }

    @Test
    void aFileSettingEveryFieldDefinesANewEnvironment() throws IOException {
        String staging = new String(ConfigLoader.class.getResourceAsStream("/io/tdev/ops/env/staging.yaml")
                .readAllBytes()).replace("staging", "qa");
        Path file = file(staging);

        EnvironmentConfig qa = ConfigLoader.load("qa", file);

        assertThat(qa.name()).isEqualTo("qa");
        assertThat(qa.ecs().cluster()).isEqualTo("t-developer-cluster-qa");
    }

    @Test
    void aNewEnvironmentMissingFieldsNamesEveryMissingOne() throws IOException {
        InvalidInputException e = invalid("qa", """
                ecs:
                  cluster: c
                  service: s
                """);

        assertThat(e.field()).isEqualTo("protectedEnv");
        assertThat(e.getMessage()).contains("logGroup", "slo", "ecs.container", "checklist")
                .contains("new environment 'qa'");
    }

    @Test
    void percentOutOfRangeNamesThePathTheValueAndTheRange() throws IOException {
        InvalidInputException e = invalid("production", "slo:\n  cpuPercent: 170\n");

        assertThat(e.field()).isEqualTo("slo.cpuPercent");
        assertThat(e.getMessage()).contains("slo.cpuPercent: got 170; allowed 0..100").contains("override.yaml");
    }

    @Test
    void minTasksAboveMaxTasksIsRejected() throws IOException {
        InvalidInputException e = invalid("staging", "autoscaling:\n  minTasks: 30\n");

        assertThat(e.field()).isEqualTo("autoscaling.minTasks");
        assertThat(e.getMessage()).contains("got 30; must be <= autoscaling.maxTasks (20)");
    }

    @Test
    void scanSeverityMustBeAnEcrSeverity() throws IOException {
        InvalidInputException e = invalid("production", "checklist:\n  scanSeverity: SEVERE\n");

        assertThat(e.getMessage()).contains("checklist.scanSeverity: got 'SEVERE'; allowed CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL");
    }

    @Test
    void waivableAcceptsOnlyTheSixChecklistItems() throws IOException {
        InvalidInputException e = invalid("production", "checklist:\n  waivable: [image-scan, coffee]\n");

        assertThat(e.field()).isEqualTo("checklist.waivable[1]");
        assertThat(e.getMessage()).contains("got 'coffee'")
                .contains("tests-passed, image-scan, backup, rollback-plan, monitoring, team-notified");
    }

    @Test
    void everyViolationIsReportedAtOnce() throws IOException {
        InvalidInputException e = invalid("production", """
                slo:
                  memoryPercent: -1
                health:
                  parallelism: 0
                """);

        assertThat(e.getMessage()).contains("slo.memoryPercent: got -1; allowed 0..100")
                .contains("health.parallelism: got 0; allowed 1..32");
    }

    @Test
    void unknownKeyIsNamedWithTheValidKeys() throws IOException {
        InvalidInputException e = invalid("production", "slo:\n  cpuPercnt: 60\n");

        assertThat(e.field()).isEqualTo("slo.cpuPercnt");
        assertThat(e.getMessage()).contains("unknown field").contains("valid fields of slo")
                .contains("availabilityPercent", "cpuPercent", "memoryPercent");
    }

    @Test
    void unknownTopLevelKeyIsNamed() throws IOException {
        InvalidInputException e = invalid("production", "clustre: x\n");

        assertThat(e.field()).isEqualTo("clustre");
        assertThat(e.getMessage()).contains("ecs", "logGroup", "checklist");
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() throws IOException {
        InvalidInputException e = invalid("production", "autoscaling:\n  maxTasks: lots\n");

        assertThat(e.field()).isEqualTo("autoscaling.maxTasks");
        assertThat(e.getMessage()).contains("got '\"lots\"'; expected a whole number");
    }

    @Test
    void yamlSyntaxErrorNamesTheFileAndTheLine() throws IOException {
        InvalidInputException e = invalid("production", """
                slo:
                  cpuPercent: 60
                 memoryPercent: [80
                """);

        assertThat(e.field()).isEqualTo("config");
        assertThat(e.getMessage()).contains("override.yaml").contains("YAML syntax error at line 3");
    }

    @Test
    void duplicateKeyIsASyntaxError() throws IOException {
        InvalidInputException e = invalid("production", "bucket: a\nbucket: b\n");

        assertThat(e.getMessage()).contains("override.yaml").contains("line 2").contains("bucket");
    }

    @Test
    void missingFileIsInvalidInput() {
        assertThatThrownBy(() -> ConfigLoader.load("production", dir.resolve("nope.yaml")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("config: no such file");
    }

    @Test
    void fileNamingAnotherEnvironmentIsRejected() throws IOException {
        InvalidInputException e = invalid("production", "name: staging\n");

        assertThat(e.field()).isEqualTo("name");
        assertThat(e.getMessage()).contains("ask for environment 'staging'");
    }

    @Test
    void requiredFieldSetToNullIsMissing() throws IOException {
        InvalidInputException e = invalid("production", "ecs:\n  cluster: null\n");

        assertThat(e.field()).isEqualTo("ecs.cluster");
    }

    @Test
    void escalationLevelsAreTheRunbookOnes() throws IOException {
        InvalidInputException e = invalid("production",
                "escalation:\n  policies:\n    P9: {to: [someone], channel: topic, afterMinutes: 0}\n");

        assertThat(e.getMessage()).contains("escalation.policies.P9").contains("P0, P1, P2, security, data-loss");
    }

    @Test
    void anEscalationChannelIsATopicAnotherTopicOrAWebhookAndTheWebhookIsNotEchoed() throws IOException {
        InvalidInputException e = invalid("production",
                "escalation:\n  policies:\n    P0: {to: [lead], channel: 'webhook:ftp://secret-path', afterMinutes: 0}\n");

        assertThat(e.field()).isEqualTo("escalation.policies.P0.channel");
        assertThat(e.getMessage()).contains("topic, sns:NAME-or-ARN, webhook:https://...").doesNotContain("secret-path");
    }

    @Test
    void adminBaseUrlIsAnHttpUrlOrNull() throws IOException {
        InvalidInputException e = invalid("production", "incident:\n  admin:\n    baseUrl: 'not a url'\n");

        assertThat(e.field()).isEqualTo("incident.admin.baseUrl");
        assertThat(ConfigLoader.load("production", file("incident:\n  admin:\n    baseUrl: https://api.example.com\n"))
                .incident().admin().baseUrl()).isEqualTo("https://api.example.com");
    }

    @Test
    void aCacheMetricNeedsItsNamespaceAndAnEcsTasksRestartNeedsTheAgentsService() throws IOException {
        assertThat(ConfigLoader.builtIn("production").incident().cache().configured()).isFalse();
        assertThat(ConfigLoader.builtIn("production").incident().restartAgent().via()).isEqualTo("admin");
        assertThat(invalid("production", "incident:\n  cache:\n    metric: CacheHitRate\n").field())
                .isEqualTo("incident.cache.namespace");
        assertThat(invalid("production", "incident:\n  restartAgent:\n    via: ssh\n").getMessage())
                .contains("incident.restartAgent.via", "got 'ssh'; allowed: admin, ecs-tasks");
        assertThat(invalid("production", "incident:\n  restartAgent:\n    via: ecs-tasks\n    service: agents\n").field())
                .isEqualTo("incident.restartAgent.service");
        EnvironmentConfig.IncidentSettings set = ConfigLoader.load("production", file("incident:\n  cache:\n"
                + "    namespace: AWS/ElastiCache\n    metric: CacheHitRate\n    dimensions: {CacheClusterId: c-001}\n"
                + "  restartAgent:\n    via: ecs-tasks\n")).incident();
        assertThat(set.cache().dimensions()).containsEntry("CacheClusterId", "c-001");
        assertThat(set.restartAgent().serviceOf("search")).isEqualTo("t-developer-search-agent-production");
    }

    @Test
    void emptyOverrideFileKeepsTheBuiltIn() throws IOException {
        assertThat(ConfigLoader.load("production", file("# nothing\n"))).isEqualTo(ConfigLoader.builtIn("production"));
    }

    @Test
    void scalePresetMustBeACountOrADelta() throws IOException {
        InvalidInputException e = invalid("production", "scalePresets:\n  p2: lots\n");

        assertThat(e.field()).isEqualTo("scalePresets.p2");
        assertThat(e.getMessage()).contains("got 'lots'; allowed: N (absolute), +N or -N (delta)");
    }

    @Test
    void regionAndTargetGroupsAreCheckedForTheirAwsShape() throws IOException {
        InvalidInputException e = invalid("production", """
                region: Europe
                targetGroupArns: [my-target-group]
                """);

        assertThat(e.getMessage()).contains("region: got 'Europe'; allowed: an AWS region such as eu-west-1")
                .contains("targetGroupArns[0]: got 'my-target-group'; allowed: a target group ARN");
    }

    @Test
    void aListWhereAMappingBelongsIsNamed() throws IOException {
        InvalidInputException e = invalid("production", "slo: [1, 2]\n");

        assertThat(e.field()).isEqualTo("slo");
        assertThat(e.getMessage()).contains("expected a mapping with the fields availabilityPercent");
    }

    @Test
    void typeErrorsAndUnknownKeysAreReportedAllAtOnce() throws IOException {
        InvalidInputException e = invalid("production", """
                slo:
                  cpuPercent: high
                deploy:
                  bakeMinuts: 3
                  pollSeconds: often
                alarmPrefx: t-developer
                """);

        assertThat(e.field()).isEqualTo("slo.cpuPercent");
        assertThat(e.getMessage()).contains("slo.cpuPercent").contains("deploy.bakeMinuts").contains("unknown field")
                .contains("deploy.pollSeconds").contains("alarmPrefx");
    }
}
