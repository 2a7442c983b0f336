package io.tdev.ops.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's clone has only the repository: every Markdown link in the README and docs resolves inside it. */
class DocsStandAloneTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyMarkdownLinkOfTheReadmeAndDocsResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("#") || target.startsWith("mailto:")) {
                    continue;
                }
                if (target.contains("://")) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (outside the repository)");
                    continue;
                }
                Path resolved = page.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertThat(broken).as("links that a clone cannot follow").isEmpty();
    }

    @Test
    void noPageSendsTheReaderToTheSteeringFolder() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            if (text.contains("shared/DESIGN.md") || text.contains("shared/seed")) {
                found.add(ROOT.relativize(page).toString());
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}
