package io.tdev.ops.cli;

import io.tdev.ops.aws.IamPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IamPolicyCommandTest {
    private final CliOutput printed = CliOutput.ofAllRuns();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new IamPolicyCommand());
        return printed.run(cmd, args);
    }

    private String policyText() {
        return printed.out();
    }

    @Test
    void printsThePolicyOfTheChosenCommandsScopedToRegionAndAccount() throws Exception {
        int code = run("--commands", "health,rollback", "--region", "eu-west-1", "--account", "123456789012");

        assertThat(code).isZero();
        JsonNode doc = new ObjectMapper().readTree(policyText());
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policyText()).contains("\"logs:FilterLogEvents\"", "\"sns:Publish\"", "\"ecs:UpdateService\"",
                "arn:aws:ecs:eu-west-1:123456789012:service/t-developer-cluster-production/t-developer-service-production")
                .doesNotContain("ecs:RegisterTaskDefinition", "application-autoscaling");
        assertThat(printed.err()).isEmpty();
    }

    @Test
    void withoutCommandsItCoversThemAllWithAnyRegionAndAccount() {
        assertThat(run()).isZero();

        assertThat(policyText()).contains("ecs:RegisterTaskDefinition", "application-autoscaling:RegisterScalableTarget",
                "ecr:DescribeImageScanFindings", "dynamodb:CreateBackup", "arn:aws:ecs:*:*:service/");
    }

    @Test
    void anUnknownCommandExitsTwoListingTheValidOnes() {
        int code = run("--commands", "health,destroy");

        assertThat(code).isEqualTo(2);
        assertThat(printed.err()).contains("destroy", "health, deploy, mark-known-good, rollback, scale, checklist, ")
                .contains(IamPolicy.commands());
        assertThat(policyText()).isEmpty();
    }

    @Test
    void anAccountThatIsNotTwelveDigitsExitsTwo() {
        assertThat(run("--account", "prod")).isEqualTo(2);
        assertThat(printed.err()).contains("--account", "12 digits");
    }

    @Test
    void theStagingEnvironmentAndAConfigFileSetTheNames(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ops.yaml");
        Files.writeString(config, "bucket: t-developer-projects-staging-eu\n");

        assertThat(run("--env", "staging", "--config", config.toString(), "--commands", "health")).isZero();

        assertThat(policyText()).contains("arn:aws:s3:::t-developer-projects-staging-eu", "t-developer-cluster-staging");
    }

    @Test
    void anUnknownEnvironmentExitsTwo() {
        assertThat(run("--env", "prodution")).isEqualTo(2);
        assertThat(printed.err()).contains("prodution");
    }
}
