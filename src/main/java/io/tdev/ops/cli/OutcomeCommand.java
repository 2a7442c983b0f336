package io.tdev.ops.cli;

import io.tdev.ops.api.OpenContext;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.TdevException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command over one typed use case: opens the environment, runs the use case on its {@link OpsContext}, prints
 * the result record (JSON and text from {@link PlainValues}, Markdown from the result itself) and exits 0 when the
 * result is {@link Outcome#ok()}, 1 when not. Failures print one line ("error: ...") to stderr, and with
 * {@code --output json} the documented error object on stdout, never a stack trace.
 */
public abstract class OutcomeCommand<R extends Outcome> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    AwsOptions aws;

    /** Builds the request from the options (validating it before anything is touched) and runs the use case. */
    protected abstract R run(OpsContext context);

    /** 0 when the result is what the user hoped for, 1 when not. */
    protected int exitCode(R result) {
        return result.ok() ? 0 : 1;
    }

    /** For a result that is not ok: where it stopped and what to run next, for stderr ("error: ..."), or null. */
    protected String failure(R result) {
        return null;
    }

    /** Something to say on stderr about the result besides the result itself, or null. */
    protected String warning(R result) {
        return null;
    }

    /** Runs after the result is printed (e.g. write a file from it). */
    protected void afterResult(R result) {
    }

    /** Another command's run when the options ask for it (e.g. {@code health --services}), or null. */
    protected Integer runInstead() {
        return null;
    }

    @Override
    public final Integer call() {
        Integer instead = runInstead();
        if (instead != null) {
            return instead;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EmptyValues.reject(spec);
            ProgressLines progress = new ProgressLines(err);
            // the root, not the parent: a typed command may sit under a group (traffic-event prepare)
            Main main = (Main) spec.root().userObject();
            try (OpenContext session = main.sessions().open(common, aws, progress)) {
                progress.clock(session.context().clock());
                R result = run(session.context());
                out.print(render(result));
                out.flush();
                afterResult(result);
                String failure = failure(result);
                if (failure != null) {
                    err.println("error: " + failure);
                }
                String warning = warning(result);
                if (warning != null) {
                    err.println("warning: " + warning);
                }
                return exitCode(result);
            }
        } catch (TdevException e) {
            return ErrorOutput.print(spec, common.output(), e);
        } catch (Exception e) {
            return Main.unexpected(err, e);
        } finally {
            err.flush();
        }
    }

    private String render(R result) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) PlainValues.of(result);
        return switch (common.output()) {
            case json -> ResultRenderer.json(plain);
            case text -> ResultRenderer.text(plain);
            case markdown -> endsWithNewline(result.markdown());
        };
    }

    /** The Markdown as the result made it, ended by one line break (not a blank line after its own). */
    private static String endsWithNewline(String markdown) {
        return markdown.endsWith("\n") ? markdown : markdown + System.lineSeparator();
    }
}
