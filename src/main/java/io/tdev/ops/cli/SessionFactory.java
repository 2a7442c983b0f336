package io.tdev.ops.cli;

import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.Progress;

/** Opens the environment a command runs against. Tests substitute their own. */
@FunctionalInterface
public interface SessionFactory {
    OpenContext open(CommonOptions common, AwsOptions aws, Progress progress);
}
