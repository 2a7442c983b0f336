package io.tdev.ops.port.contract;

import io.tdev.ops.config.ConfigLoader;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.sim.SimEnvironment;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every port contract shares: the environment both sides are arranged in (the built-in production config in
 * eu-west-1, so the AWS side's ARNs and the simulation's agree), and the refusals every adapter must report alike.
 */
public final class ContractWorld {
    public static final EnvironmentConfig CONFIG = ConfigLoader.builtIn("production").withRegion("eu-west-1");
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";

    private ContractWorld() {
    }

    /** How AWS (or the simulation) refuses a call: AccessDenied, or throttling beyond the client's own retries. */
    public enum Refusal { DENIED, THROTTLED }

    /** The simulation's way to refuse the next call of {@code iamAction}. */
    public static void refuse(SimEnvironment env, Refusal refusal, String iamAction) {
        if (refusal == Refusal.DENIED) {
            env.faults().denyAccess(iamAction, 1);
        } else {
            env.faults().throttle(iamAction, 1);
        }
    }

    /**
     * A call refused by IAM: a RemoteFailureException naming the action, not retryable (running again will not
     * help), whose message names the action and says it was refused, so the reader knows what to grant.
     */
    public static void assertDenied(ThrowingCallable call, String iamAction) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.api()).isEqualTo(iamAction);
                    org.assertj.core.api.Assertions.assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("IAM action " + iamAction)
                .hasMessageContaining("refused");
    }

    /** A call throttled beyond the client's patience: a retryable RemoteFailureException naming the action. */
    public static void assertThrottled(ThrowingCallable call, String iamAction) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.api()).isEqualTo(iamAction);
                    org.assertj.core.api.Assertions.assertThat(e.retryable()).isTrue();
                })
                .hasMessageContaining(iamAction)
                .hasMessageContaining("throttled");
    }
}
