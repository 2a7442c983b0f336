package io.tdev.ops.checklist;

import io.tdev.ops.support.OpsResult;

import io.tdev.ops.model.Action;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pre-deploy checklist: passed when every item is PASS or WAIVED. A dry run never passes (nothing was done);
 * its {@code wouldPass} says whether the real run would (every item PASS, WAIVED or PLANNED); null outside a dry run.
 */
public record ChecklistResult(String environment, String service, String image, boolean passed, Boolean wouldPass,
                              List<ChecklistItem> items, Instant checkedAt, List<Action> actions) implements OpsResult {
    public ChecklistResult {
        items = List.copyOf(items);
        actions = List.copyOf(actions);
    }

    @Override
    public String summary() {
        String verdict = wouldPass == null ? (passed ? "PASSED" : "FAILED")
                : (wouldPass ? "WOULD PASS" : "WOULD FAIL") + " (dry run)";
        return "pre-deploy checklist of " + environment + " " + verdict + ": "
                + items.stream().map(i -> i.name() + " " + i.status()).collect(Collectors.joining(", "));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed);
        if (wouldPass != null) {
            m.put("wouldPass", wouldPass);
        }
        m.put("environment", environment);
        m.put("service", service);
        m.put("image", image);
        m.put("items", items.stream().map(ChecklistItem::toMap).toList());
        m.put("checkedAt", checkedAt.toString());
        m.put("actions", OpsResult.actionMaps(actions));
        return m;
    }
}
