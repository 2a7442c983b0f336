package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.TaskListener;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checklist's JUnit reports live in the workspace, often on an agent; the engine reads local files, so it gets a
 * controller-side copy of the matching files. Whether they pass (or whether there are none) is the engine's verdict.
 */
final class WorkspaceReports {
    private WorkspaceReports() {
    }

    /** {@code testReports}: a directory (its *.xml files, recursively) or an Ant glob, relative to the workspace. */
    static Path copyToController(FilePath workspace, String testReports, TaskListener listener)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException("testReports: '" + testReports + "' is read from the workspace; call "
                    + "tdevPreDeployChecklist inside node { }");
        }
        String mask = workspace.child(testReports).isDirectory() ? testReports + "/**/*.xml" : testReports;
        Path copy = Files.createTempDirectory("tdev-ops-test-reports");
        int files = workspace.copyRecursiveTo(mask, new FilePath(copy.toFile()));
        listener.getLogger().println("tdevPreDeployChecklist: " + files + " test report file(s) match " + mask);
        return copy;
    }

    static void delete(Path copy) throws IOException {
        if (copy != null) {
            Util.deleteRecursive(new File(copy.toString()));
        }
    }
}
