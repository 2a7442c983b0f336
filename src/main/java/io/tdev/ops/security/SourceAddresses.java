package io.tdev.ops.security;

import io.tdev.ops.model.LogEvent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where security events came from: the first IP address in each message (the backend writes it as
 * {@code from 203.0.113.7} or {@code client=198.51.100.4}; any format with an address works), counted.
 */
final class SourceAddresses {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])((?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4})(?![\\w:])");

    private SourceAddresses() {
    }

    /** "a (n), b (m), ..." for the {@code limit} most frequent sources; "unknown" for messages without an address. */
    static String top(List<LogEvent> events, int limit) {
        Map<String, Long> counts = events.stream()
                .collect(Collectors.groupingBy(e -> of(e.message()), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    static String of(String message) {
        Matcher v4 = IPV4.matcher(message);
        if (v4.find()) {
            return v4.group(1);
        }
        Matcher v6 = IPV6.matcher(message);
        return v6.find() ? v6.group(1) : "unknown";
    }
}
