package io.tdev.ops.files;

import io.tdev.ops.model.InvalidInputException;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * Where a build's test reports are, as the {@code testReports} argument says it: a report file, a directory (every
 * {@code *.xml} below it) or a glob. Matches '/'-separated paths written the way the location is (relative to the
 * same base, or absolute), so every {@link io.tdev.ops.port.TestReports} adapter selects the same files.
 */
public final class ReportLocation {
    private final String location;
    private final boolean glob;
    private final String root;
    private final PathMatcher matcher;
    private final PathMatcher direct;
    private final String anchor;

    private ReportLocation(String location) {
        this.location = location;
        int firstWild = firstWildcard(location);
        this.glob = firstWild < location.length();
        this.anchor = location.startsWith("/") ? "" : "/";
        if (glob) {
            int slash = location.lastIndexOf('/', firstWild);
            this.root = slash < 0 ? "" : location.substring(0, Math.max(slash, 1));
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + anchor + location);
            // "dir/**/x.xml" also matches dir/x.xml, as in Ant and Jenkins globs
            this.direct = FileSystems.getDefault().getPathMatcher("glob:" + (anchor + location).replace("/**/", "/"));
        } else {
            this.root = location;
            this.matcher = null;
            this.direct = null;
        }
    }

    /** The location, checked: blank is invalid input naming {@code testReports}. */
    public static ReportLocation of(String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException("testReports", "got '" + (location == null ? "" : location)
                    + "'; allowed: a directory, file or glob of JUnit XML reports");
        }
        return new ReportLocation(normalise(location.strip()));
    }

    /** '/'-separated, without "." segments or a trailing '/'; "." (the base itself) is "". */
    private static String normalise(String location) {
        String s = location.replace('\\', '/').replaceAll("/+", "/");
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        s = s.replace("/./", "/");
        if (s.endsWith("/.")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals(".") ? "" : s;
    }

    private static int firstWildcard(String s) {
        int first = s.length();
        for (char c : new char[]{'*', '?', '{', '['}) {
            int at = s.indexOf(c);
            if (at >= 0) {
                first = Math.min(first, at);
            }
        }
        return first;
    }

    /**
     * The directory (or, for a location naming one file, the file) to look in: everything that may match is at or
     * below it. "" is the base itself.
     */
    public String root() {
        return root;
    }

    /** {@code root} joined with a '/'-separated path below it. */
    public String below(String relative) {
        return root.isEmpty() ? relative : root.endsWith("/") ? root + relative : root + "/" + relative;
    }

    /** Whether {@code path} (written like the location: relative to the same base, or absolute) is a report here. */
    public boolean matches(String path) {
        if (glob) {
            Path anchored = Path.of(anchor + path);
            return matcher.matches(anchored) || direct.matches(anchored);
        }
        if (path.equals(location)) {
            return true; // a location naming one file: that file, whatever its extension
        }
        return path.endsWith(".xml") && (location.isEmpty() || path.startsWith(below("")));
    }

    @Override
    public String toString() {
        return location;
    }
}
