package io.tdev.ops.port.contract;

import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Admin} adapter does. The world: the service's admin endpoint, its bearer token in the
 * environment's secret, answering each call with a JSON {@code message}; it runs the agent {@link #AGENT} and no
 * agent {@link #NO_AGENT}.
 */
public abstract class AdminContract {
    protected static final String CLEAR_CACHE = "POST /admin/clear-cache";
    protected static final String RESTART_AGENT = "POST /admin/restart-agent";
    protected static final String INVALIDATE_SESSIONS = "POST /admin/invalidate-sessions";
    protected static final String AGENT = "search";
    protected static final String NO_AGENT = "telepathy";
    protected static final String CACHE_CLEARED = "cache cleared: 2306 keys";
    protected static final String RESTARTING = "agent search-agent restarting";
    protected static final String SESSIONS_INVALIDATED = "sessions invalidated: 143";

    protected abstract Admin admin();

    protected abstract void givenTheEndpoint();

    /** {@code call} fails on every attempt (HTTP: 503). */
    protected abstract void givenTheEndpointFails(String call);

    /** The next call of {@code iamAction} (the token's GetSecretValue) is refused so. */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** Every call the endpoint received, as {@code POST /admin/...}, oldest first. */
    protected abstract List<String> received();

    /** The agents the endpoint restarted. */
    protected abstract List<String> restarted();

    @BeforeEach
    void arrange() {
        givenTheEndpoint();
    }

    @Test
    void clearsTheCacheAndSummarisesTheAnswer() {
        AdminReply reply = admin().clearCache();

        assertThat(reply.call()).isEqualTo(CLEAR_CACHE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.summary()).isEqualTo(CACHE_CLEARED);
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(reply.at()).isNotNull();
        assertThat(received()).containsExactly(CLEAR_CACHE);
    }

    @Test
    void restartsAnAgentOnce() {
        AdminReply reply = admin().restartAgent(AGENT);

        assertThat(reply.call()).isEqualTo(RESTART_AGENT);
        assertThat(reply.ok()).isTrue();
        assertThat(reply.summary()).isEqualTo(RESTARTING);
        assertThat(restarted()).containsExactly(AGENT);
        assertThat(received()).containsExactly(RESTART_AGENT);
    }

    @Test
    void invalidatesTheSessions() {
        AdminReply reply = admin().invalidateSessions();

        assertThat(reply.call()).isEqualTo(INVALIDATE_SESSIONS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.summary()).isEqualTo(SESSIONS_INVALIDATED);
        assertThat(received()).containsExactly(INVALIDATE_SESSIONS);
    }

    /** The service knows its agents: one it does not run is its 404, asked once and not worth asking again. */
    @Test
    void anAgentTheServiceDoesNotRunIsARemoteFailureSaidByTheService() {
        assertThatThrownBy(() -> admin().restartAgent(NO_AGENT))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo(RESTART_AGENT);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("HTTP 404").hasMessageContaining("no such agent");
        assertThat(received()).containsExactly(RESTART_AGENT);
        assertThat(restarted()).isEmpty();
    }

    @Test
    void aBlankAgentIsInvalidInputAndNothingIsSent() {
        assertThatThrownBy(() -> admin().restartAgent(" "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("agent"));
        assertThat(received()).isEmpty();
    }

    /** A restart is not idempotent: sent once, and its failure is not retryable (whether it took effect is unknown). */
    @Test
    void aFailedRestartIsSentOnceAndNotRetryable() {
        givenTheEndpointFails(RESTART_AGENT);

        assertThatThrownBy(() -> admin().restartAgent(AGENT))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo(RESTART_AGENT);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("not idempotent");
        assertThat(received()).containsExactly(RESTART_AGENT);
    }

    /** Clearing the cache is idempotent: when every attempt failed, running it again later may help. */
    @Test
    void aFailedIdempotentCallIsRetryable() {
        givenTheEndpointFails(CLEAR_CACHE);

        assertThatThrownBy(() -> admin().clearCache())
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.api()).isEqualTo(CLEAR_CACHE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    /** The token is read for each call: a refused read fails the call before anything is sent. */
    @Test
    void aDeniedTokenReadFailsTheCallBeforeItIsSent() {
        given(ContractWorld.Refusal.DENIED, "secretsmanager:GetSecretValue");

        ContractWorld.assertDenied(() -> admin().invalidateSessions(), "secretsmanager:GetSecretValue");
        assertThat(received()).isEmpty();
    }
}
