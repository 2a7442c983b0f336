package io.tdev.ops.docs;

import io.tdev.ops.api.change.ChangeStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statuses a change can end in, as the code has them, are the ones the README, docs/cli.md, docs/engine.md and
 * the shared library's help describe (issue 9: they still described the six before ABANDONED). A new status fails
 * this test until the documents name it.
 */
class DocsStatusesTest {
    private static final List<String> ALL = Arrays.stream(ChangeStatus.values()).map(Enum::name).toList();
    private static final List<String> NOT_OK = Arrays.stream(ChangeStatus.values()).filter(s -> !s.ok())
            .map(Enum::name).toList();

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    private static String lineWith(String text, String marker) {
        return text.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow(() ->
                new AssertionError("no line with '" + marker + "'"));
    }

    @Test
    void theReadmeListsEveryStatusAndSaysWhichExitOne() throws IOException {
        String readme = read("README.md");

        assertThat(lineWith(readme, "of a mutating command is one of")).contains(ALL);
        assertThat(lineWith(readme, "| 1 |")).contains(NOT_OK);
    }

    @Test
    void theEngineDocumentDescribesEveryStatus() throws IOException {
        String engine = read("docs/engine.md");

        for (String status : ALL) {
            assertThat(engine).as(status).contains("`" + status + "`");
        }
    }

    @Test
    void theCliDocumentAndTheSharedLibraryHelpNameEveryFailingStatus() throws IOException {
        assertThat(read("docs/cli.md")).contains(NOT_OK);
        assertThat(lineWith(read("vars/tdevSettings.txt"), "TIMED_OUT")).contains(NOT_OK);
    }
}
