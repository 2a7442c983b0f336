package io.tdev.ops.cli;

import io.tdev.ops.aws.IamPolicy;
import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code tdev-ops iam-policy}: prints the least-privilege IAM policy for the chosen commands. Touches no AWS. */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
        description = {"Prints the least-privilege IAM policy (JSON) that the chosen commands need, with resources scoped"
                + " to the environment's names: attach it to the role or user that runs tdev-ops.",
                "Resources stay '*' only for the actions AWS offers no resource-level permission for."},
        footer = {"", "Examples:",
                "  tdev-ops iam-policy --commands health",
                "  tdev-ops iam-policy --commands health,rollback,scale --region us-east-1 --account 123456789012",
                "  tdev-ops iam-policy --env staging --task-family t-developer-staging \\",
                "      --task-role-arn arn:aws:iam::123456789012:role/t-developer-task-staging"})
public final class IamPolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--commands", paramLabel = "LIST", split = ",",
            description = "Commands the policy is for (default: all that call AWS): health, deploy, mark-known-good,"
                    + " rollback, scale, checklist.")
    List<String> commands;

    /** Whose names scope the resources. */
    @Mixin
    EnvironmentOptions environmentOptions;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region in the ARNs (default: the environment's region, else '*').")
    String region;

    @Option(names = "--account", paramLabel = "ID", description = "Account id in the ARNs (default: '*').")
    String account;

    @Option(names = "--task-family", paramLabel = "FAMILY",
            description = "Task definition family whose revisions are tagged known-good (default: '*').")
    String taskFamily;

    @Option(names = "--task-role-arn", paramLabel = "ARN",
            description = "A task or execution role a deploy passes to ECS (repeatable; default: any role, only to ECS tasks).")
    List<String> taskRoleArns = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            EmptyValues.reject(spec);
            Set<String> chosen = new LinkedHashSet<>();
            List<String> needAws = IamPolicy.commands().stream().filter(c -> !IamPolicy.portMethods(c).isEmpty())
                    .toList();
            for (String c : commands == null || commands.isEmpty() ? needAws : commands) {
                String name = c.strip();
                // an unknown command is invalid input naming the valid ones; one that calls no AWS has no policy
                if (IamPolicy.portMethods(name).isEmpty()) {
                    throw new InvalidInputException("--commands", "'" + name + "' needs no AWS access (it runs on the"
                            + " simulated environment only), so it has no policy; allowed: " + String.join(", ", needAws));
                }
                chosen.add(name);
            }
            if (account != null && !account.equals("*") && !account.matches("\\d{12}")) {
                throw new InvalidInputException("--account", "got '" + account + "'; an AWS account id is 12 digits");
            }
            EnvironmentConfig environment = ConfigLoader.load(environmentOptions.env(), environmentOptions.config());
            String arnRegion = region != null ? region : environment.region();
            String policy = IamPolicy.json(chosen, environment,
                    new IamPolicy.Scope(arnRegion, account, taskFamily, taskRoleArns));
            spec.commandLine().getOut().println(policy);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InvalidInputException e) {
            return ErrorOutput.print(spec, OutputFormat.text, e);
        }
    }
}
