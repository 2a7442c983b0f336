package io.tdev.ops.api.checklist;

import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.Action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pre-deploy checklist: {@code passed} when every item is PASS or WAIVED. A dry run never passes (nothing was
 * done); its {@code wouldPass} says whether the real run would (every item PASS, WAIVED or PLANNED), and outside a dry
 * run it is null and no key at all. {@code junitXml}: one test case per item, for Jenkins' junit step; {@code
 * markdown}: the table for people (both null until the use case renders them, see {@link #rendered}).
 *
 * <p>The components, in this order, are the JSON keys and the step's return value ({@link PlainValues}); the README's
 * JSON contract lists them and {@code JsonContractKeysTest} pins them.
 */
public record ChecklistResult(boolean passed, @PlainValues.OmittedWhenNull Boolean wouldPass, String environment,
                              String service, String image, List<ChecklistItem> items, Instant checkedAt,
                              List<Action> actions, String junitXml, String markdown) implements Outcome {
    public ChecklistResult {
        items = List.copyOf(items);
        actions = List.copyOf(actions);
    }

    /** A result without its renderings yet. */
    public static ChecklistResult of(String environment, String service, String image, boolean passed,
                                     Boolean wouldPass, List<ChecklistItem> items, Instant checkedAt,
                                     List<Action> actions) {
        return new ChecklistResult(passed, wouldPass, environment, service, image, items, checkedAt, actions, null,
                null);
    }

    /** This result with its JUnit XML and Markdown. */
    public ChecklistResult rendered(String junitXmlText, String markdownText) {
        return new ChecklistResult(passed, wouldPass, environment, service, image, items, checkedAt, actions,
                junitXmlText, markdownText);
    }

    /** The gate passed: every item PASS or WAIVED (a dry run never passes; see {@link #wouldPass}). */
    @Override
    public boolean ok() {
        return passed;
    }

    /** Whether this is a dry run's result. */
    public boolean dryRun() {
        return wouldPass != null;
    }

    /** One line for logs: the verdict and every item's status. */
    public String summary() {
        String verdict = wouldPass == null ? (passed ? "PASSED" : "FAILED")
                : (wouldPass ? "WOULD PASS" : "WOULD FAIL") + " (dry run)";
        return "pre-deploy checklist of " + environment + " " + verdict + ": "
                + items.stream().map(i -> i.name() + " " + i.status()).collect(Collectors.joining(", "));
    }
}
