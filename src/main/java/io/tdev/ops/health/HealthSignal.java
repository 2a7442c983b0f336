package io.tdev.ops.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One signal of a health check: what was measured ({@code value}), against what ({@code threshold}), the
 * judgement and the evidence a person needs to believe it. {@code informational} signals never change the
 * verdict, even when they cannot be read.
 */
public record HealthSignal(String name, SignalStatus status, String value, String threshold, String evidence,
                           boolean informational) {

    public static HealthSignal unknown(String name, String why, boolean informational) {
        return new HealthSignal(name, SignalStatus.UNKNOWN, "unknown", "-", why, informational);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status.name());
        m.put("value", value);
        m.put("threshold", threshold);
        m.put("evidence", evidence);
        m.put("informational", informational);
        return m;
    }
}
