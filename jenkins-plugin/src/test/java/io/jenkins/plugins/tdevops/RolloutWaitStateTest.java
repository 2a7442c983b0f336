package io.jenkins.plugins.tdevops;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.jenkins.plugins.tdevops.Pipelines.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait keeps its state as soon as it changes (so a crash, not only a clean shutdown, resumes the wait), and its
 * AWS calls run on the plugin's own pool, never on Jenkins' shared Timer.
 */
@WithJenkins
class RolloutWaitStateTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = SimulatedAws.start(rule, "bad-deploy");
    }

    @Test
    void theStateIsSavedOnceTheRolloutIsUnderWayAndAfterEveryLook() throws Exception {
        Run<?, ?> run = succeeds(j, "echo 'a build to run the step in'");
        RecordingContext context = new RecordingContext(run);
        TdevRollbackStep step = new TdevRollbackStep();
        step.setReason("state test");
        RolloutWaitExecution execution = (RolloutWaitExecution) step.start(context);
        context.execution = execution;

        assertFalse(execution.start(), "asynchronous");
        Object result = context.outcome.get(2, TimeUnit.MINUTES);

        assertEquals("COMPLETED", ((Map<?, ?>) result).get("status"));
        // the first save comes when the wait is armed, before any look: a crash then resumes the wait
        assertTrue(context.statusAtSave.get(0).startsWith("waiting for "), context.statusAtSave.toString());
        assertTrue(context.statusAtSave.size() >= 2, "a save after each look: " + context.statusAtSave);
        assertTrue(context.statusAtSave.stream().skip(1).allMatch(s -> s.contains("; last look: ")));
    }

    @Test
    void theChangeAndEveryLookRunOnThePluginsOwnThreads() throws Exception {
        succeeds(j, "tdevRollback(reason: 'threads test')");
        List<String> threads = SimulatedAws.callThreads();
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch(t -> t.startsWith("tdev-ops step ")), threads.toString());
    }

    /** A StepContext that records what the execution does with it. */
    static final class RecordingContext extends StepContext {
        private static final long serialVersionUID = 1L;
        private final transient Run<?, ?> run;
        final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
        final transient List<String> statusAtSave = new CopyOnWriteArrayList<>();
        transient RolloutWaitExecution execution;

        RecordingContext(Run<?, ?> run) {
            this.run = run;
        }

        @Override
        public <T> T get(Class<T> key) {
            if (key == Run.class) {
                return key.cast(run);
            }
            if (key == TaskListener.class) {
                return key.cast((TaskListener) () -> new PrintStream(System.out, true));
            }
            if (key == EnvVars.class) {
                return key.cast(new EnvVars());
            }
            return null;
        }

        @Override
        public void onSuccess(Object result) {
            outcome.complete(result);
        }

        @Override
        public void onFailure(Throwable t) {
            outcome.completeExceptionally(t);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public ListenableFuture<Void> saveState() {
            statusAtSave.add(execution.getStatus());
            return Futures.immediateFuture(null);
        }

        @Override
        public void setResult(Result r) {
        }

        @Override
        public BodyInvoker newBodyInvoker() {
            throw new IllegalStateException("no body");
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @TestExtension
    public static class Sim extends SimulatedAws.Provider {
    }
}
