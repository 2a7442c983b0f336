package io.tdev.ops.port;

import io.tdev.ops.model.TestReport;

import java.util.List;

/**
 * The build's JUnit XML test reports (Surefire, Gradle, pytest, Jest ...), wherever the build keeps them: a
 * directory on this machine (the CLI), a Jenkins workspace on an agent (the plugin). Reading them is this port's
 * work; whether they pass is the checklist's.
 */
public interface TestReports {
    /**
     * Every report file at {@code location}, read and counted, ordered by path. {@code location} names a report
     * file, a directory (every {@code *.xml} below it), or a glob such as {@code build/test-results/**}{@code
     * /TEST-*.xml} ({@code dir/**}{@code /x.xml} also matches {@code dir/x.xml}); a relative one is relative to where
     * this port reads (the working directory, the workspace). Nothing there, a missing directory included, is an
     * empty list: the caller says what that means. A file that is not well-formed XML, or XML that is no test report,
     * is in the list with its {@link TestReport.Kind}; external entities and DTDs are refused (reports come from
     * builds, not from trusted authors).
     *
     * @throws io.tdev.ops.model.InvalidInputException naming {@code testReports} when the location is blank, or
     *                                                  names something that cannot be listed
     */
    List<TestReport> read(String location);
}
