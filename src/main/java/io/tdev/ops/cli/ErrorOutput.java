package io.tdev.ops.cli;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.TdevException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/**
 * The one place a command prints a {@link TdevException}: "error: ..." on stderr, and with {@code --output json}
 * the {@link ErrorResult} on stdout too. Invalid input names the command's own options, not the request's field names.
 */
final class ErrorOutput {
    private ErrorOutput() {
    }

    /** @return the exit code of {@code e} */
    static int print(CommandSpec spec, OutputFormat output, TdevException e) {
        TdevException shown = e instanceof InvalidInputException invalid
                ? OptionNames.of(spec).inCliTerms(invalid) : e;
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + shown.getMessage());
        err.flush();
        if (output == OutputFormat.json) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ResultRenderer.json(ErrorResult.of(shown)));
            out.flush();
        }
        return shown.exitCode();
    }
}
