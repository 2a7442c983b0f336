package io.tdev.ops.model;

import java.time.Instant;

/**
 * What the service's admin endpoint answered: the call ({@code POST /admin/clear-cache}), the HTTP status, a
 * short summary of the answer (its {@code message} field, else its first line, at most 200 characters), when,
 * and how many attempts it took.
 */
public record AdminReply(String call, int status, String summary, Instant at, int attempts) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
