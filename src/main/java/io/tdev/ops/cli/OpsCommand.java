package io.tdev.ops.cli;

import io.tdev.ops.api.TdevOps;
import io.tdev.ops.model.TdevException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that calls one use case of the {@link TdevOps} facade: builds the argument map from its options,
 * opens the environment, prints the result in the chosen format and turns it into an exit code.
 * Failures print one line ("error: ...") to stderr, never a stack trace.
 */
public abstract class OpsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions common;

    @Mixin
    AwsOptions aws;

    /** The facade arguments from the options; options not given are left out so the facade's defaults apply. */
    protected abstract Map<String, Object> arguments();

    protected abstract Map<String, Object> invoke(TdevOps ops, Map<String, Object> arguments);

    /** 0 when the result is what the user hoped for, 1 when not (unhealthy, gate failed, operation failed). */
    protected abstract int exitCode(Map<String, Object> result);

    /** Something to say on stderr about the result besides the result itself (a warning), or null. */
    protected String warning(Map<String, Object> result) {
        return null;
    }

    /**
     * Checks what can be checked before anything is called (a path to write, a file to read), so that invalid input
     * changes nothing and publishes nothing; throws {@code InvalidInputException} naming the option.
     */
    protected void checkInputs() {
    }

    /** Runs after the result is printed (e.g. write a file from it). */
    protected void afterResult(Map<String, Object> result) {
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
            checkInputs();
            Map<String, Object> arguments = arguments();
            ProgressLines progress = new ProgressLines(err);
            try (OpsSession session = main.sessions().open(common, aws, progress)) {
                progress.clock(session.clock());
                Map<String, Object> result = invoke(session.ops(), arguments);
                out.print(ResultRenderer.render(common.output(), spec.name(), result));
                out.flush();
                afterResult(result);
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

    /** A map that keeps insertion order and leaves out null values. */
    protected static final class ArgumentMap {
        private final Map<String, Object> map = new LinkedHashMap<>();

        public ArgumentMap put(String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
            return this;
        }

        /** A switch the user turned on gives {@code key: true}; off, the facade's default applies. */
        public ArgumentMap putIfOn(String key, boolean on) {
            return put(key, on ? Boolean.TRUE : null);
        }

        /** A {@code --no-...} switch the user turned on gives {@code key: false}; off, the facade's default applies. */
        public ArgumentMap putFalseIfOn(String key, boolean on) {
            return put(key, on ? Boolean.FALSE : null);
        }

        public Map<String, Object> map() {
            return map;
        }
    }

    protected static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
