package io.jenkins.plugins.tdevops;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.files.FileTestReports;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TestReport;
import io.tdev.ops.port.TestReports;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's JUnit reports where the build wrote them: the workspace, often on an agent. They are read there, by
 * the engine's own file adapter run through {@link FilePath#act} (the same locations, globs and parser as the CLI),
 * and only the counts come back. Whether they pass, or whether there are none, is the engine's verdict.
 */
final class WorkspaceReports implements TestReports {
    private final FilePath workspace;
    private final TaskListener listener;

    WorkspaceReports(FilePath workspace, TaskListener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /**
     * {@code context} reading test reports from the step's workspace. Without {@code testReports} nothing is read
     * (the checklist says none were given); with it, outside {@code node { }}, it is invalid input saying where to
     * call the step.
     */
    static OpsContext over(OpsContext context, FilePath workspace, TaskListener listener, String testReports) {
        if (testReports == null) {
            return context;
        }
        if (workspace == null) {
            throw new InvalidInputException("testReports", "'" + testReports + "' is read from the workspace; call "
                    + "tdevPreDeployChecklist inside node { }");
        }
        return new OpsContext(context.config(), context.ports().withTestReports(new WorkspaceReports(workspace,
                listener)), context.clock(), context.sleeper(), context.progress(), context.user());
    }

    @Override
    public List<TestReport> read(String location) {
        try {
            // as the build log said before: a directory is every *.xml below it
            String shown = workspace.child(location).isDirectory() ? location + "/**/*.xml" : location;
            List<TestReport> reports = workspace.act(new ReadReports(location));
            listener.getLogger().println("tdevPreDeployChecklist: " + reports.size() + " test report file(s) match "
                    + shown);
            return reports;
        } catch (IOException e) {
            throw new RemoteFailureException("read test reports", "could not read the test reports at '" + location
                    + "' in the workspace " + workspace.getRemote() + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            // the build was aborted: the flag stays set, so the step ends as an abort (OutcomeExecution)
            Thread.currentThread().interrupt();
            throw new RemoteFailureException("read test reports", "interrupted while reading the test reports at '"
                    + location + "'", false, e);
        }
    }

    /** Runs where the workspace is: the engine's file adapter rooted at it; returns only the counts. */
    private static final class ReadReports extends MasterToSlaveFileCallable<List<TestReport>> {
        private static final long serialVersionUID = 1L;

        private final String location;

        ReadReports(String location) {
            this.location = location;
        }

        @Override
        public List<TestReport> invoke(File workspace, VirtualChannel channel) {
            return new ArrayList<>(new FileTestReports(workspace.toPath()).read(location));
        }
    }
}
