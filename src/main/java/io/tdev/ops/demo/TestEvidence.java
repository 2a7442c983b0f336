package io.tdev.ops.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's test evidence: JUnit XML reports as a build leaves them (Surefire's format), written to a temporary
 * directory so that the checklist reads real files the way it does in a pipeline.
 */
final class TestEvidence {
    private TestEvidence() {
    }

    static Path write() {
        try {
            Path dir = Files.createTempDirectory("tdev-ops-demo-reports");
            Files.writeString(dir.resolve("TEST-io.tdev.generation.AssemblyTest.xml"), suite(
                    "io.tdev.generation.AssemblyTest", "assemblesProject", "zipsDownload", "rejectsEmptyComponents"));
            Files.writeString(dir.resolve("TEST-io.tdev.analysis.ParserTest.xml"), suite(
                    "io.tdev.analysis.ParserTest", "parsesNaturalLanguageInput", "selectsUiFramework"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's test reports", e);
        }
    }

    private static String suite(String name, String... tests) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(name).append("\" tests=\"").append(tests.length)
                .append("\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.42\">\n");
        for (String test : tests) {
            xml.append("  <testcase name=\"").append(test).append("\" classname=\"").append(name)
                    .append("\" time=\"0.1\"/>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }
}
