package io.tdev.ops.files;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@link TestReports} on this machine's file system: relative locations resolve against {@code base}. */
public final class FileTestReports implements TestReports {
    private final Path base;

    /** @param base what a relative location is relative to (the working directory, a workspace) */
    public FileTestReports(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** Relative to the working directory, as a command typed in a shell means it. */
    public static FileTestReports inWorkingDirectory() {
        return new FileTestReports(Path.of(""));
    }

    @Override
    public List<TestReport> read(String location) {
        ReportLocation where = ReportLocation.of(location);
        List<TestReport> reports = new ArrayList<>();
        for (String file : files(where)) {
            reports.add(report(file));
        }
        return reports;
    }

    private List<String> files(ReportLocation where) {
        Path start = base.resolve(where.root()).normalize();
        if (Files.isRegularFile(start)) {
            return where.matches(where.root()) ? List.of(where.root()) : List.of();
        }
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> where.below(start.relativize(f).toString().replace('\\', '/')))
                    .filter(where::matches).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("testReports", "could not list '" + where + "': " + e.getMessage());
        }
    }

    private TestReport report(String file) {
        try (InputStream in = Files.newInputStream(base.resolve(file))) {
            return JUnitXml.read(file, in);
        } catch (IOException e) {
            return TestReport.malformed(file, "cannot read: " + e.getMessage());
        }
    }
}
