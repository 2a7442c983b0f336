package io.tdev.ops.port.contract;

import io.tdev.ops.port.TestReports;
import io.tdev.ops.testing.InMemoryTestReports;

/** The {@link TestReportsContract} on the in-memory fake the engine's tests use, so the fake cannot drift from disk. */
class InMemoryTestReportsContractTest extends TestReportsContract {
    private final InMemoryTestReports reports = new InMemoryTestReports();

    @Override
    protected TestReports reports() {
        return reports;
    }

    @Override
    protected void givenFile(String path, String content) {
        reports.add(path, content);
    }
}
