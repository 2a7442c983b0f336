package io.tdev.ops.aws;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Proof (1): every operation an adapter method really sent is an IAM action {@link AwsActions} lists for it. */
final class AwsActionsAssert {
    private AwsActionsAssert() {
    }

    static void sentOnlyDeclared(AwsWireFixture aws, String portMethod) {
        assertThat(AwsActions.of(portMethod)).as("IAM actions AwsActions lists for %s", portMethod).containsAll(sent(aws, portMethod));
    }

    /** Like {@link #sentOnlyDeclared(AwsWireFixture, String)}, for the actions the method needs in {@code config}. */
    static void sentOnlyDeclared(AwsWireFixture aws, String portMethod, io.tdev.ops.config.EnvironmentConfig config) {
        assertThat(AwsActions.of(portMethod, config)).as("IAM actions AwsActions lists for %s in %s", portMethod, config.name())
                .containsAll(sent(aws, portMethod));
    }

    private static List<String> sent(AwsWireFixture aws, String portMethod) {
        List<String> sent = aws.sentOperations().stream()
                .map(op -> AwsActions.forSdkOperation(op.substring(0, op.indexOf(':')), op.substring(op.indexOf(':') + 1)))
                .distinct().toList();
        assertThat(sent).as("operations %s sent", portMethod).isNotEmpty();
        return sent;
    }
}
