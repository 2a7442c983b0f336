package io.tdev.ops.traffic;

import io.tdev.ops.model.PreconditionFailedException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a traffic event's prepare changed, as it was before: kept as one ECS service tag so that restore finds it from
 * any machine (a Jenkins agent that died, a laptop at 3 a.m.). ECS tag values allow letters, digits, spaces and
 * {@code + - = . _ : / @} only, up to 256 characters: hence {@code key=value} words, {@code -} for "not recorded".
 *
 * @param minCapacity null: the service has no autoscaling target
 * @param dbClass     null: prepare did not touch the database
 */
record SavedState(int desired, Integer minCapacity, Integer maxCapacity, String dbClass, Instant at, String by) {
    String tagValue() {
        return "desired=" + desired + " min=" + dash(minCapacity) + " max=" + dash(maxCapacity) + " db=" + dash(dbClass)
                + " at=" + at + " by=" + by.replaceAll("[^\\p{L}\\p{N}+\\-=._:/@]", "_");
    }

    static SavedState parse(String tag, String value) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String word : value.strip().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                words.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        try {
            return new SavedState(Integer.parseInt(words.get("desired")), integer(words.get("min")),
                    integer(words.get("max")), text(words.get("db")), Instant.parse(words.get("at")),
                    words.getOrDefault("by", "unknown"));
        } catch (RuntimeException e) {
            throw new PreconditionFailedException("the service tag " + tag + " does not hold a traffic event this tool"
                    + " saved ('" + value + "'); restore the values by hand and remove the tag");
        }
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static Integer integer(String word) {
        return word == null || word.equals("-") ? null : Integer.valueOf(word);
    }

    private static String text(String word) {
        return word == null || word.equals("-") ? null : word;
    }
}
