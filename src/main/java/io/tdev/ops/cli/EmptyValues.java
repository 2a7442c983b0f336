package io.tdev.ops.cli;

import io.tdev.ops.model.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * An option given with an empty value ({@code --target ""}, {@code --config ''}) is invalid input: it would
 * otherwise silently mean the option's default (last-known-good, the working directory), which is never what a
 * person who typed the option meant.
 */
final class EmptyValues {
    private EmptyValues() {
    }

    /** Throws naming the first option of {@code spec}'s parsed command line whose value is empty or blank. */
    static void reject(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return;
        }
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.arity().max() == 0) {
                continue; // a switch has no value
            }
            for (String value : option.originalStringValues()) {
                if (value == null || value.isBlank()) {
                    throw new InvalidInputException(option.longestName(), "got '" + (value == null ? "" : value)
                            + "'; an empty value is not allowed: give a value, or leave the option out for its default");
                }
            }
        }
    }
}
