package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Sleeper;
import io.tdev.ops.aws.AwsConnection;

import java.time.Clock;

/** The engine over real AWS: the engine's own client factory and adapters, on the wall clock. */
@Extension(ordinal = -1000)
public final class AwsTdevOpsProvider extends TdevOpsProvider {

    @Override
    public OpenedTdevOps open(OpsTarget target) {
        AwsConnection connection = target.credentials() != null
                ? AwsConnection.open(target.aws(), target.credentials(), target.config(), target.progress())
                : AwsConnection.open(target.aws(), target.config(), target.progress());
        try {
            return new OpenedTdevOps(new OpsContext(target.config(), connection.ports(), Clock.systemUTC(),
                    Sleeper.system(), target.progress(), target.user()), connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
