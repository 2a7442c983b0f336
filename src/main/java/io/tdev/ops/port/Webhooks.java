package io.tdev.ops.port;

import io.tdev.ops.model.InvalidInputException;

import java.net.URI;

/** Incoming webhooks of chat channels (escalation): one JSON POST, no retry (a retry may post twice). */
public interface Webhooks {
    /**
     * Posts {@code {"text": text}} to the URL; returns the HTTP status (2xx). A failure is a RemoteFailureException
     * whose message names the webhook's host only: the URL's path is the webhook's secret. A URL or text the channel
     * cannot take is an InvalidInputException ({@link #requireValid}) before anything is sent.
     */
    int post(String url, String text);

    /** The call a failure names: the method and the webhook's host, never its path. */
    static String call(URI url) {
        return "POST webhook " + url.getHost();
    }

    /**
     * What every adapter checks before it posts: an http(s) URL with a host (field {@code url}; the message never
     * quotes it, since its path is the webhook's secret) and a text that is not blank (field {@code text}: Slack and
     * Mattermost refuse an empty message).
     */
    static URI requireValid(String url, String text) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("url", "got a webhook URL that is not a URL; expected https://HOST/PATH");
        }
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidInputException("url", "got a webhook URL " + (uri == null || uri.getScheme() == null
                    ? "without a scheme" : "of scheme '" + uri.getScheme() + "'") + (uri != null && uri.getHost() == null
                    ? " and without a host" : "") + "; expected https://HOST/PATH (or http://)");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "must not be empty: chat webhooks refuse an empty message");
        }
        return uri;
    }
}
