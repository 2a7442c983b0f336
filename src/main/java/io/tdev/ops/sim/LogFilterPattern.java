package io.tdev.ops.sim;

import io.tdev.ops.model.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * CloudWatch Logs filter patterns for unstructured events, as far as the runbook uses them: terms and quoted
 * phrases must all occur ({@code ERROR timeout}, {@code "authentication failed"}), {@code ?a ?b} matches
 * either, {@code -term} excludes; matching is case-sensitive like CloudWatch's. An empty pattern matches
 * everything. JSON ({@code { $.x = 1 }}) and space-delimited ({@code [ip, ...]}) patterns are refused.
 */
final class LogFilterPattern implements Predicate<String> {
    private final List<String> required = new ArrayList<>();
    private final List<String> anyOf = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    static LogFilterPattern parse(String pattern) {
        LogFilterPattern p = new LogFilterPattern();
        String text = pattern == null ? "" : pattern.trim();
        if (text.startsWith("{") || text.startsWith("[")) {
            throw new InvalidInputException("filterPattern", "got '" + pattern
                    + "'; the simulation supports terms, \"quoted phrases\", ?optional and -excluded terms only");
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = p.required;
            if (c == '?' || c == '-') {
                into = c == '?' ? p.anyOf : p.excluded;
                i++;
                if (i >= text.length()) {
                    break;
                }
            }
            String term;
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidInputException("filterPattern", "got '" + pattern + "'; unterminated quoted phrase");
                }
                term = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = text.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                into.add(term);
            }
        }
        return p;
    }

    @Override
    public boolean test(String message) {
        for (String t : required) {
            if (!message.contains(t)) {
                return false;
            }
        }
        for (String t : excluded) {
            if (message.contains(t)) {
                return false;
            }
        }
        return anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains);
    }
}
