package io.tdev.ops.cli;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With {@code --output json}, a failure is JSON on stdout too, so that a script reading stdout sees why:
 * {@code {"error": {"kind", "message", "exitCode", "field" | "api", "retryable"}}}.
 */
final class ErrorResult {
    private ErrorResult() {
    }

    static Map<String, Object> of(TdevException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (e instanceof InvalidInputException invalid) {
            error.put("kind", "invalid-input");
            error.put("field", invalid.field());
            error.put("retryable", false); // the same input fails the same way
        } else if (e instanceof PreconditionFailedException) {
            error.put("kind", "precondition-failed");
            error.put("retryable", false); // until someone changes the precondition
        } else if (e instanceof RemoteFailureException remote) {
            error.put("kind", "remote-failure");
            error.put("api", remote.api());
            error.put("retryable", remote.retryable());
        }
        error.put("message", e.getMessage());
        error.put("exitCode", e.exitCode());
        return Map.of("error", error);
    }
}
