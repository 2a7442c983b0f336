package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.port.OpsPorts;

/** The AWS adapters of every port over clients built once by the client factory; closing closes the clients. */
public final class AwsConnection implements AutoCloseable {

    public static AwsConnection open(AwsSettings settings, EnvironmentConfig config) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public OpsPorts ports() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() {
    }
}
