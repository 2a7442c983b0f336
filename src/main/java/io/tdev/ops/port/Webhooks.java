package io.tdev.ops.port;

/** Incoming webhooks of chat channels (escalation): one JSON POST, no retry (a retry may post twice). */
public interface Webhooks {
    /**
     * Posts {@code {"text": text}} to the URL; returns the HTTP status (2xx). A failure is a RemoteFailureException
     * whose message names the webhook's host only: the URL's path is the webhook's secret.
     */
    int post(String url, String text);
}
