package io.tdev.ops.aws;

import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * What an S3 lifecycle rule selects: its prefix (in the filter, in the filter's And, or the legacy rule-level
 * prefix; none: the whole bucket) and what else narrows it (tags, object size), which S3 may put in the filter or
 * in its And operator.
 */
final class LifecycleFilters {
    private LifecycleFilters() {
    }

    static String prefix(LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        if (f != null && f.prefix() != null) {
            return f.prefix();
        }
        if (f != null && f.and() != null && f.and().prefix() != null) {
            return f.and().prefix();
        }
        return r.prefix() != null ? r.prefix() : "";
    }

    /** "tag k=v", "object size > N bytes", ... joined with "and"; null when only the prefix selects. */
    static String narrowedBy(LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        if (f == null) {
            return null;
        }
        List<String> by = new ArrayList<>();
        if (f.tag() != null) {
            by.add(tag(f.tag()));
        }
        sizes(by, f.objectSizeGreaterThan(), f.objectSizeLessThan());
        LifecycleRuleAndOperator and = f.and();
        if (and != null) {
            and.tags().forEach(t -> by.add(tag(t)));
            sizes(by, and.objectSizeGreaterThan(), and.objectSizeLessThan());
        }
        return by.isEmpty() ? null : String.join(" and ", by);
    }

    private static String tag(Tag t) {
        return "tag " + t.key() + "=" + t.value();
    }

    private static void sizes(List<String> by, Long greaterThan, Long lessThan) {
        if (greaterThan != null) {
            by.add("object size > " + greaterThan + " bytes");
        }
        if (lessThan != null) {
            by.add("object size < " + lessThan + " bytes");
        }
    }
}
