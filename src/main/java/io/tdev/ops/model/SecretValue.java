package io.tdev.ops.model;

import java.util.Objects;

/**
 * A value read from Secrets Manager. It prints as {@code ****} (toString, string concatenation, a record that
 * holds it), so that no log line, report or exception message can carry it by accident; only {@link #reveal()}
 * gives the text, at the one place that must send it (an Authorization header).
 */
public final class SecretValue {
    private final String value;

    public SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
