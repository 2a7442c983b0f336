package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.DeployUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        header = "Deploy a new image and wait until the service is stable.",
        description = "Deploy a new image: registers a revision cloned from the service's current task definition"
                + " with that image, updates the service, and waits until it is stable.",
        footer = {"",
                "Exit: 0 deployed (or planned with --dry-run, or started with --no-wait); 1 the deployment failed;"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {from, to, status, deploymentId, actions[]}",
                "",
                "Examples:",
                "  tdev-ops deploy --simulate --image 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/"
                        + "t-developer-backend-production:2.1.0",
                "  tdev-ops deploy --env staging --image 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/"
                        + "t-developer-backend-staging:2.1.0 --dry-run",
                "  tdev-ops deploy --image IMG --no-wait --output json   # then poll with 'health'"})
public final class DeployCommand extends ChangeCommand<DeployResult> {
    @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "The image to run (required): an ECR image URI"
            + " <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> (or @sha256:<digest>); it must exist in"
            + " that repository, checked before anything changes (a dry run checks too).")
    String image;

    @Option(names = "--container", paramLabel = "NAME",
            description = "The container whose image is replaced (default: the config's ecs.container, else the"
                    + " first essential one).")
    String container;

    @Mixin
    WaitOptions waiting;

    @Override
    protected DeployResult run(OpsContext context) {
        return DeployUseCase.over(context).run(new DeployRequest(image, container, waiting.waitForStable(),
                waiting.timeout(), waiting.dryRun()));
    }
}
