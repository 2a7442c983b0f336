package io.tdev.ops.support;

import io.tdev.ops.model.Action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A use case's result: a record with an action log (the audit trail) that converts to a map of plain JDK
 * types (String, Number, Boolean, List, Map; instants as ISO-8601 strings) for the Jenkins step and JSON.
 */
public interface OpsResult {
    List<Action> actions();

    /** Insertion-ordered map of plain JDK values. */
    Map<String, Object> toMap();

    /** One-line summary for logs and the text report. */
    String summary();

    static List<Map<String, Object>> actionMaps(List<Action> actions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Action a : actions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", a.what());
            m.put("target", a.target());
            m.put("before", a.before());
            m.put("after", a.after());
            m.put("at", a.at() == null ? null : a.at().toString());
            m.put("dryRun", a.dryRun());
            out.add(m);
        }
        return out;
    }
}
