package io.tdev.ops.testing;

import io.tdev.ops.files.JUnitXml;
import io.tdev.ops.files.ReportLocation;
import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link TestReports} over files held in memory (path → content), for tests that need a build's reports without a
 * disk: the same location rules ({@link ReportLocation}) and the same parser ({@link JUnitXml}) as the file system's
 * adapter, which {@code TestReportsContract} holds both to.
 */
public final class InMemoryTestReports implements TestReports {
    private final Map<String, String> files = new ConcurrentSkipListMap<>();

    /** A file at {@code path} ('/'-separated, relative to the base or absolute) with {@code content}. */
    public InMemoryTestReports add(String path, String content) {
        files.put(path, content);
        return this;
    }

    @Override
    public List<TestReport> read(String location) {
        ReportLocation where = ReportLocation.of(location);
        return files.entrySet().stream().filter(f -> where.matches(f.getKey()))
                .map(f -> JUnitXml.read(f.getKey(), new ByteArrayInputStream(f.getValue().getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    /** A JUnit XML suite of {@code name} with that many passing, failing, erroring and skipped test cases. */
    public static String suite(String name, int pass, int fail, int error, int skipped) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + name + "\">\n");
        for (int i = 0; i < pass; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"ok").append(i).append("\"/>\n");
        }
        for (int i = 0; i < fail; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"fails").append(i)
                    .append("\"><failure message=\"expected 1\">trace</failure></testcase>\n");
        }
        for (int i = 0; i < error; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"errs").append(i)
                    .append("\"><error message=\"NPE\"/></testcase>\n");
        }
        for (int i = 0; i < skipped; i++) {
            b.append("<testcase classname=\"").append(name).append("\" name=\"skip").append(i).append("\"><skipped/></testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }
}
