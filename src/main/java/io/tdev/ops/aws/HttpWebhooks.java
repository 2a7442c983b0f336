package io.tdev.ops.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.port.Webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@link Webhooks} over HTTP (java.net.http): one POST of {@code {"text": ...}} (Slack, Mattermost and Teams
 * incoming webhooks accept it), sent once because a retry may post twice. Failures name the host only: the rest
 * of a webhook URL is its secret.
 */
public final class HttpWebhooks implements Webhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    public HttpWebhooks(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public int post(String url, String text) {
        URI uri = Webhooks.requireValid(url, text);
        String call = Webhooks.call(uri);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the message as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new RemoteFailureException(call, call + " failed: HTTP " + status + " (not retried: a retry may post twice)",
                        false);
            }
            return status;
        } catch (IOException e) {
            throw new RemoteFailureException(call, call + " got no answer (" + e.getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFailureException(call, call + " was interrupted", true, e);
        }
    }
}
