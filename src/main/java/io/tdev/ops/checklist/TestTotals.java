package io.tdev.ops.checklist;

import io.tdev.ops.model.TestReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts over the reports read. {@code unreadable}: files that are not well-formed XML (a report cut short by a
 * crashed test run), which fail the check; {@code ignored}: well-formed XML that is not a test report. Both name
 * each file with why; {@code failed} names the first failed or errored test cases.
 */
record TestTotals(int files, int tests, int failures, int errors, int skipped, List<String> failed,
                  List<String> unreadable, List<String> ignored) {
    TestTotals {
        failed = List.copyOf(failed);
        unreadable = List.copyOf(unreadable);
        ignored = List.copyOf(ignored);
    }

    static TestTotals of(List<TestReport> reports) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (TestReport r : reports) {
            switch (r.kind()) {
                case MALFORMED -> unreadable.add(r.fileName() + " (" + r.problem() + ")");
                case NOT_JUNIT -> ignored.add(r.fileName() + " (" + r.problem() + ")");
                case JUNIT -> {
                    tests += r.tests();
                    failures += r.failures();
                    errors += r.errors();
                    skipped += r.skipped();
                    r.failedTests().stream().limit(TestReport.MAX_NAMED - failed.size()).forEach(failed::add);
                }
            }
        }
        return new TestTotals(reports.size() - ignored.size(), tests, failures, errors, skipped, failed, unreadable,
                ignored);
    }

    boolean passed() {
        return files > 0 && tests > 0 && failures == 0 && errors == 0 && unreadable.isEmpty();
    }
}
