package io.tdev.ops.checklist;

import io.tdev.ops.model.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads JUnit XML reports (Surefire, Gradle, pytest, Jest ...): {@code <testsuite>} or {@code <testsuites>} roots,
 * counting {@code <testcase>}s and their {@code <failure>}, {@code <error>} and {@code <skipped>} children.
 * External entities and DTDs are refused: reports come from builds, not from trusted authors.
 */
public final class JUnitReports {
    /**
     * Totals over the reports read. {@code unreadable}: files that are not well-formed XML (a report cut short by a
     * crashed test run), which fail the check; {@code ignored}: well-formed XML that is not a test report.
     */
    public record Totals(int files, int tests, int failures, int errors, int skipped, List<String> failed,
                         List<String> unreadable, List<String> ignored) {
        public Totals {
            failed = List.copyOf(failed);
            unreadable = List.copyOf(unreadable);
            ignored = List.copyOf(ignored);
        }

        public boolean passed() {
            return files > 0 && tests > 0 && failures == 0 && errors == 0 && unreadable.isEmpty();
        }
    }

    private static final int MAX_NAMED_FAILURES = 10;

    private JUnitReports() {
    }

    /**
     * Report files of {@code location}: a file, a directory (every {@code *.xml} below it), or a glob such as
     * {@code build/test-results/**}{@code /*.xml}, resolved against {@code base} when relative.
     */
    public static List<Path> find(Path base, String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException("testReports", "must name a directory, file or glob of JUnit XML reports");
        }
        boolean glob = location.contains("*") || location.contains("?") || location.contains("{") || location.contains("[");
        try {
            if (!glob) {
                Path p = base.resolve(location).normalize();
                if (Files.isRegularFile(p)) {
                    return List.of(p);
                }
                if (!Files.isDirectory(p)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.walk(p)) {
                    return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".xml"))
                            .sorted().toList();
                }
            }
            String normalised = location.replace('\\', '/');
            int firstWild = firstWildcard(normalised);
            int slash = normalised.lastIndexOf('/', firstWild);
            Path root = base.resolve(slash < 0 ? "." : normalised.substring(0, Math.max(slash, 1))).normalize();
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            String pattern = root.toString().replace('\\', '/') + "/" + normalised.substring(slash + 1);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            // "dir/**/x.xml" should also match dir/x.xml, as in Ant and Jenkins globs
            PathMatcher direct = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("/**/", "/"));
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> Files.isRegularFile(f)
                        && (matcher.matches(f.normalize()) || direct.matches(f.normalize()))).sorted().toList();
            }
        } catch (IOException e) {
            throw new InvalidInputException("testReports", "could not list '" + location + "': " + e.getMessage());
        }
    }

    private static int firstWildcard(String s) {
        int i = Integer.MAX_VALUE;
        for (char c : new char[]{'*', '?', '{', '['}) {
            int at = s.indexOf(c);
            if (at >= 0) {
                i = Math.min(i, at);
            }
        }
        return i;
    }

    public static Totals read(List<Path> files) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path f : files) {
            Document doc;
            try {
                doc = builder().parse(f.toFile());
            } catch (Exception e) {
                unreadable.add(f.getFileName() + " (" + e.getMessage() + ")");
                continue;
            }
            Element root = doc.getDocumentElement();
            if (!root.getTagName().equals("testsuite") && !root.getTagName().equals("testsuites")) {
                ignored.add(f.getFileName() + " (root element <" + root.getTagName() + ">, not <testsuite>)");
                continue;
            }
            NodeList cases = root.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element tc = (Element) cases.item(i);
                tests++;
                String name = tc.getAttribute("classname") + "." + tc.getAttribute("name");
                if (hasChild(tc, "failure")) {
                    failures++;
                    addNamed(failed, name);
                } else if (hasChild(tc, "error")) {
                    errors++;
                    addNamed(failed, name);
                } else if (hasChild(tc, "skipped")) {
                    skipped++;
                }
            }
        }
        return new Totals(files.size() - ignored.size(), tests, failures, errors, skipped, failed, unreadable, ignored);
    }

    private static void addNamed(List<String> failed, String name) {
        if (failed.size() < MAX_NAMED_FAILURES) {
            failed.add(name);
        }
    }

    private static boolean hasChild(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.ErrorHandler() {
            // the parse error is reported per file in Totals.unreadable, not on stderr
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b;
    }
}
