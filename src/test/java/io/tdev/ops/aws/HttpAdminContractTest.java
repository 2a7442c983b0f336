package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.port.Admin;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.port.contract.AdminContract;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.sim.SimEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@link AdminContract} on {@link HttpAdmin} over real HTTP (WireMock), its token in the simulation's secret; and
 * what only the wire shows: the request sent, retries only where idempotent, with back-off, no token leaks.
 */
class HttpAdminContractTest extends AdminContract {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "adm-3c9e1f7a20b44d6e";
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> secretReads = new ArrayList<>();

    /** Secrets that answer only the token read (any other method is a test failure). */
    private final Secrets secrets = (Secrets) java.lang.reflect.Proxy.newProxyInstance(Secrets.class.getClassLoader(),
            new Class<?>[]{Secrets.class}, (proxy, method, args) -> {
                if (!method.getName().equals("value")) {
                    throw new AssertionError("the admin adapter should only read the token, not call " + method.getName());
                }
                secretReads.add(args[0] + "#" + args[1]);
                return new SecretValue(TOKEN);
            });

    private HttpAdmin admin(String baseUrl, int timeoutSeconds, Secrets secrets) {
        EnvironmentConfig base = ContractWorld.CONFIG;
        EnvironmentConfig.IncidentSettings i = base.incident();
        EnvironmentConfig config = base.withIncident(i.withAdmin(new EnvironmentConfig.AdminEndpoint(baseUrl, "admin_token",
                timeoutSeconds, 3)));
        return new HttpAdmin(config, secrets, HttpAdmin.client(config), waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpAdmin admin(String baseUrl, int timeoutSeconds) {
        return admin(baseUrl, timeoutSeconds, secrets);
    }

    private HttpAdmin wired() {
        return admin(wm.baseUrl() + "/", 5);
    }

    @Test
    void clearCachePostsWithTheBearerTokenFromTheSecretAndReadsTheAnswersMessage() {
        wm.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"cache cleared: 18412 keys\",\"durationMs\":412}")));

        AdminReply reply = wired().clearCache();

        assertThat(reply).isEqualTo(new AdminReply("POST /admin/clear-cache", 200, "cache cleared: 18412 keys", NOW, 1));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/admin/clear-cache"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(secretReads).containsExactly("t-developer/production/api-keys#admin_token");
    }

    @Test
    void restartAgentSendsTheAgentAsJson() {
        wm.stubFor(post("/admin/restart-agent").willReturn(aResponse().withStatus(202).withBody("restarting search-agent")));

        AdminReply reply = wired().restartAgent("search");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.summary()).isEqualTo("restarting search-agent");
        wm.verify(postRequestedFor(urlEqualTo("/admin/restart-agent")).withRequestBody(equalToJson("{\"agent\":\"search\"}")));
    }

    @Test
    void anIdempotentCallIsRetriedAfter503AndAfterATimeoutWithBackOff() {
        wm.stubFor(post("/admin/invalidate-sessions").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")).willSetStateTo("slow"));
        wm.stubFor(post("/admin/invalidate-sessions").inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)).willSetStateTo("ok"));
        wm.stubFor(post("/admin/invalidate-sessions").inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"message\":\"sessions invalidated: 143\"}")));

        AdminReply reply = admin(wm.baseUrl(), 1).invalidateSessions();

        assertThat(reply.summary()).isEqualTo("sessions invalidated: 143");
        assertThat(reply.attempts()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/admin/invalidate-sessions")));
    }

    @Test
    void restartAgentIsNotRetriedBecauseASecondRestartRestartsAgain() {
        wm.stubFor(post("/admin/restart-agent").willReturn(aResponse().withStatus(503)));

        Throwable thrown = catchThrowable(() -> wired().restartAgent("search"));

        assertThat(thrown).isInstanceOf(RemoteFailureException.class).hasMessageContaining("HTTP 503")
                .hasMessageContaining("not idempotent");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/admin/restart-agent")));
        assertThat(waits).isEmpty();
    }

    @Test
    void aRefusedTokenNamesTheSecretAndKeyButNeverTheTokenEvenIfTheServerEchoesIt() {
        wm.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"invalid token " + TOKEN + "\"}")));

        Throwable thrown = catchThrowable(() -> wired().clearCache());

        assertThat(thrown).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("admin_token")
                .hasMessageContaining("t-developer/production/api-keys");
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TOKEN);
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/admin/clear-cache")));
    }

    @Test
    void anEchoedTokenInASuccessfulAnswerIsMasked() {
        wm.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(200).withBody("ok, caller " + TOKEN)));

        assertThat(wired().clearCache().summary()).isEqualTo("ok, caller ****");
    }

    @Test
    void aClientErrorIsNotRetried() {
        wm.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(400)));

        assertThat(catchThrowable(() -> wired().clearCache())).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("HTTP 400 (not retried)");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/admin/clear-cache")));
    }

    @Test
    void everyAttemptFailingIsRetryableAndSaysHowManyAttempts() {
        wm.stubFor(post("/admin/clear-cache").willReturn(aResponse().withStatus(502)));

        Throwable thrown = catchThrowable(() -> wired().clearCache());

        assertThat(thrown).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 502 after 3 attempts");
        });
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/admin/clear-cache")));
    }

    @Test
    void anUnconfiguredEndpointNamesTheConfigFieldAndReadsNoSecret() {
        Throwable thrown = catchThrowable(() -> admin(null, 5).clearCache());

        assertThat(thrown).isInstanceOf(PreconditionFailedException.class).hasMessageContaining("incident.admin.baseUrl");
        assertThat(secretReads).isEmpty();
    }

    // ---- the contract's world: the endpoint on a real local HTTP server, the token in the simulation's secret

    private static final ObjectMapper JSON = new ObjectMapper();
    private SimEnvironment env;
    private HttpAdmin admin;

    @Override
    protected Admin admin() {
        return admin;
    }

    @Override
    protected void givenTheEndpoint() {
        env = SimEnvironment.builder(ContractWorld.CONFIG).build();
        admin = admin(wm.baseUrl(), 5, env.ports().secrets());
        wm.stubFor(post(CLEAR_PATH).atPriority(6).willReturn(message(200, CACHE_CLEARED)));
        wm.stubFor(post(RESTART_PATH).atPriority(6).withRequestBody(equalToJson("{\"agent\":\"" + AGENT + "\"}"))
                .willReturn(message(202, RESTARTING)));
        wm.stubFor(post(RESTART_PATH).atPriority(7).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unknown agent\"}")));
        wm.stubFor(post(SESSIONS_PATH).atPriority(6).willReturn(message(200, SESSIONS_INVALIDATED)));
    }

    private static ResponseDefinitionBuilder message(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + message + "\",\"durationMs\":212}");
    }

    @Override
    protected void givenTheEndpointFails(String call) {
        wm.stubFor(post(call.substring("POST ".length())).atPriority(1).willReturn(aResponse().withStatus(503)
                .withBody("upstream unavailable")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        ContractWorld.refuse(env, refusal, iamAction);
    }

    @Override
    protected List<String> received() {
        List<String> calls = new ArrayList<>(wm.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList());
        Collections.reverse(calls); // WireMock lists the newest first
        return calls;
    }

    @Override
    protected List<String> restarted() {
        List<String> agents = new ArrayList<>();
        for (ServeEvent e : wm.getAllServeEvents()) {
            if (e.getRequest().getUrl().equals(RESTART_PATH) && e.getResponse().getStatus() / 100 == 2) {
                try {
                    agents.add(0, JSON.readTree(e.getRequest().getBodyAsString()).get("agent").asText());
                } catch (IOException notJson) {
                    throw new UncheckedIOException(notJson);
                }
            }
        }
        return agents;
    }

    private static final String CLEAR_PATH = "/admin/clear-cache";
    private static final String RESTART_PATH = "/admin/restart-agent";
    private static final String SESSIONS_PATH = "/admin/invalidate-sessions";
}
