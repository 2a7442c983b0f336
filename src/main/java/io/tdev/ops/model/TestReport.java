package io.tdev.ops.model;

import java.io.Serializable;
import java.util.List;

/**
 * One JUnit XML report file as a {@link io.tdev.ops.port.TestReports} port read it: its test cases counted, or why
 * it could not be. Serializable because a Jenkins agent reads the workspace's reports and sends these back.
 *
 * @param file        the report's path as the location names it (relative to where the port reads when the
 *                    location is relative), '/'-separated
 * @param kind        JUNIT (counted), MALFORMED (not well-formed XML, e.g. cut short by a crashed test run: fails the
 *                    check), NOT_JUNIT (well-formed XML that is no test report, e.g. a pom.xml: ignored)
 * @param failedTests the first {@value #MAX_NAMED} failed or errored test cases, "classname.name"
 * @param problem     for MALFORMED the parser's message, for NOT_JUNIT what the root element was; else null
 */
public record TestReport(String file, Kind kind, int tests, int failures, int errors, int skipped,
                         List<String> failedTests, String problem) implements Serializable {
    /** How many failed test cases a report names; the counts cover all of them. */
    public static final int MAX_NAMED = 10;

    public enum Kind { JUNIT, MALFORMED, NOT_JUNIT }

    public TestReport {
        failedTests = failedTests == null ? List.of() : List.copyOf(failedTests);
    }

    public static TestReport junit(String file, int tests, int failures, int errors, int skipped,
                                   List<String> failedTests) {
        return new TestReport(file, Kind.JUNIT, tests, failures, errors, skipped, failedTests, null);
    }

    public static TestReport malformed(String file, String problem) {
        return new TestReport(file, Kind.MALFORMED, 0, 0, 0, 0, List.of(), problem);
    }

    public static TestReport notJUnit(String file, String rootElement) {
        return new TestReport(file, Kind.NOT_JUNIT, 0, 0, 0, 0, List.of(),
                "root element <" + rootElement + ">, not <testsuite>");
    }

    /** The file's name without its directories, as evidence names it. */
    public String fileName() {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
