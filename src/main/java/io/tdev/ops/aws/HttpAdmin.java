package io.tdev.ops.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.AdminReply;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecretValue;
import io.tdev.ops.port.Admin;
import io.tdev.ops.port.Secrets;
import io.tdev.ops.api.Sleeper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@link Admin} over HTTP (java.net.http): {@code POST BASE/admin/...} with {@code Authorization: Bearer TOKEN},
 * the token read from the environment's secret (key {@code incident.admin.tokenKey}) for each call and used in that
 * header only. Each attempt gives up after {@code incident.admin.timeoutSeconds}. Idempotent calls (clear-cache,
 * invalidate-sessions) are tried up to {@code incident.admin.attempts} times on a connection failure, a timeout,
 * 429 or 5xx, waiting 1 s, 2 s, 4 s ...; restart-agent is sent once, since a repeated restart restarts twice.
 * Error messages name the call, the status and what to check, never the token nor the response body.
 */
public final class HttpAdmin implements Admin {
    static final String CLEAR_CACHE = "/admin/clear-cache";
    static final String RESTART_AGENT = "/admin/restart-agent";
    static final String INVALIDATE_SESSIONS = "/admin/invalidate-sessions";
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUMMARY_MAX = 200;

    private final EnvironmentConfig.AdminEndpoint endpoint;
    private final String secretId;
    private final Secrets secrets;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpAdmin(EnvironmentConfig config, Secrets secrets, HttpClient http, Sleeper sleeper, Clock clock) {
        this.endpoint = config.incident().admin();
        this.secretId = config.secret();
        this.secrets = secrets;
        this.http = http;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The client the CLI and plugin use: connect timeout as the call's, redirects never followed (the token stays put). */
    public static HttpClient client(EnvironmentConfig config) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.incident().admin().timeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public AdminReply clearCache() {
        return post(CLEAR_CACHE, "{}", true);
    }

    @Override
    public AdminReply restartAgent(String agent) {
        Admin.requireAgent(agent);
        try {
            return post(RESTART_AGENT, JSON.writeValueAsString(Map.of("agent", agent)), false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the agent name as JSON", e);
        }
    }

    @Override
    public AdminReply invalidateSessions() {
        return post(INVALIDATE_SESSIONS, "{}", true);
    }

    private AdminReply post(String path, String body, boolean idempotent) {
        String call = "POST " + path;
        if (endpoint.baseUrl() == null) {
            throw new PreconditionFailedException(call + ": the admin endpoint is not configured; set environment config"
                    + " field incident.admin.baseUrl (e.g. https://api.t-developer.example.com)");
        }
        SecretValue token = secrets.value(secretId, endpoint.tokenKey());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(endpoint.timeoutSeconds()))
                .header("Authorization", "Bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int attempts = idempotent ? endpoint.attempts() : 1;
        String lastProblem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                backOff(call, attempt);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the exception's text may hold the URL only; still, say what kind of failure it was
                lastProblem = "no answer (" + e.getClass().getSimpleName() + ")";
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteFailureException(call, call + " was interrupted; whether it took effect is unknown", true, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new AdminReply(call, status, summary(response.body(), token), clock.instant(), attempt);
            }
            if (status == 401 || status == 403) {
                throw new RemoteFailureException(call, call + " refused: HTTP " + status + "; the token under key '"
                        + endpoint.tokenKey() + "' of secret '" + secretId + "' was not accepted (rotated? check the"
                        + " secret and incident.admin.tokenKey)", false);
            }
            if (status == 404 && path.equals(RESTART_AGENT)) {
                throw new RemoteFailureException(call, call + " answered HTTP 404: the service runs no such agent", false);
            }
            lastProblem = "HTTP " + status;
            if (!RETRYABLE.contains(status)) {
                throw new RemoteFailureException(call, call + " failed: " + lastProblem + " (not retried)", false);
            }
        }
        throw new RemoteFailureException(call, call + " failed: " + lastProblem + " after " + attempts
                + (attempts == 1 ? " attempt (not retried: it is not idempotent; check the agent's state before running"
                        + " it again)" : " attempts; run it again later"), idempotent);
    }

    private void backOff(String call, int attempt) {
        try {
            sleeper.sleep(Duration.ofSeconds(1L << (attempt - 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(call, call + " was interrupted between attempts", true, e);
        }
    }

    /** The answer's {@code message} field, else its first line; short, and never the token even if echoed. */
    private static String summary(String body, SecretValue token) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode json = text.isEmpty() ? null : JSON.readTree(text);
            if (json != null && json.isObject() && json.hasNonNull("message")) {
                text = json.get("message").asText();
            }
        } catch (IOException notJson) {
            // plain text: keep its first line
        }
        int newline = text.indexOf('\n');
        text = newline >= 0 ? text.substring(0, newline) : text;
        text = text.replace(token.reveal(), token.toString());
        return text.length() > SUMMARY_MAX ? text.substring(0, SUMMARY_MAX) + "..." : text;
    }
}
